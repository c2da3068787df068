# Continues the block above (02_leakage.py).


def leaks(items, tests, threshold=0.6):
    # Every training text that matches a test text, exactly or nearly.
    return [
        (text, test)
        for text, _ in items
        for test, _ in tests
        if jaccard(text, test) >= threshold
    ]


tests = held_out + tricky + fresh
for name, items in (("clean", clean), ("leaked", leaked), ("collected", data)):
    found = leaks(items, tests)
    print(f"{name}: {len(found)} of {len(items)} match a held-out review")
for text, test in leaks(data, tests):
    print(f"  {text}")
    print(f"  ~ {test} ({jaccard(text, test):.2f})")
