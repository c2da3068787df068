# Continues the block above (04_make_pairs.py).
def right_and_in_format(reply, answer):
    return reply.strip() == f"The answer is {answer}."


strict = make_pairs(right_and_in_format)
print(f"Pairs: {len(strict)}")
for question in sorted(set(p[-1]["content"] for p in strict["prompt"])):
    print("user:  ", question)
print("chosen:", strict[0]["chosen"][0]["content"])
