# Continues the block above (02_an_interval.py).
# 24 more reviews, written for this lesson like lesson 2.1's: none of
# them is trained on. Some are harder: negations, a twist at the end.
more = [
    ("The pasta was perfect and the wine even better.", "positive"),
    ("The printer jams on every second page.", "negative"),
    ("Our dog loves this toy.", "positive"),
    ("The lecture hall was freezing and the talk dull.", "negative"),
    ("Clear instructions, and it was ready in minutes.", "positive"),
    ("The taxi driver took the longest route he could.", "negative"),
    ("A thrilling ending that I did not see coming.", "positive"),
    ("The mattress sags in the middle already.", "negative"),
    ("Kind nurses who explained everything.", "positive"),
    ("The tickets cost a fortune for seats behind a pillar.", "negative"),
    ("This camera takes sharp photos even at night.", "positive"),
    ("The soup tasted of nothing but salt.", "negative"),
    ("The hostel was cheap, clean and friendly.", "positive"),
    ("My package was left in the rain.", "negative"),
    ("A cosy cafe with the best cinnamon rolls.", "positive"),
    ("The vacuum cleaner is loud and barely picks up dust.", "negative"),
    ("Not bad at all, I would buy it again.", "positive"),
    ("I wanted to love this film, but it bored me.", "negative"),
    ("I expected little and was pleasantly surprised.", "positive"),
    ("The photos looked great, the room did not.", "negative"),
    ("Nothing fancy, but every dish was delicious.", "positive"),
    ("Pretty box, shame about what was inside.", "negative"),
    ("It took a while to arrive, but it was worth it.", "positive"),
    ("The first chapter is great, the rest is a slog.", "negative"),
]
test = held_out + more
seen = {review for review, _ in train}
positive = sum(label == "positive" for _, label in test)
print(f"Held-out reviews now: {len(test)}")
print(f"  positive {positive}, negative {len(test) - positive}")
print(f"  also in training: {sum(r in seen for r, _ in test)}")

# The fine-tuned replies: the 12 of the block above, then the new 24.
tuned = tuned + generate([chat(review) for review, _ in more])
hits = exact_match(tuned, test)
low, high = wilson(hits, len(test))
print(f"Fine-tuned, exact match: {hits}/{len(test)}")
print(f"95% interval: {low:.0%} to {high:.0%}")
