import re

task = (
    "Classify the sentiment of the review. "
    "Reply with LABEL: positive or LABEL: negative."
)
# Reviews the model never trains on: the test of what it learned.
held_out = [
    ("The hotel lost our booking and charged us anyway.", "negative"),
    ("What a lovely little bakery.", "positive"),
    ("The keyboard stopped working after a week.", "negative"),
    ("The actors were brilliant and the music moving.", "positive"),
    ("Rude staff and a dirty kitchen.", "negative"),
    ("This blender makes perfect smoothies.", "positive"),
    ("The film was two hours of nothing happening.", "negative"),
    ("Easy to read and full of good ideas.", "positive"),
    ("The zipper broke on the first trip.", "negative"),
    ("We had a wonderful evening, thank you.", "positive"),
    ("The game is full of bugs and ads.", "negative"),
    ("The garden looks amazing with these lights.", "positive"),
]


# Lesson 2.1's training data: 40 reviews, half of each label.
train = [
    ("The soup was cold and the waiter ignored us.", "negative"),
    ("Best pizza I have had in years.", "positive"),
    ("The battery died after two days.", "negative"),
    ("A warm, funny film with a great cast.", "positive"),
    ("Shipping took a month and the box was crushed.", "negative"),
    ("Comfortable shoes, I wear them every day.", "positive"),
    ("The plot made no sense and it dragged on.", "negative"),
    ("Friendly staff and a spotless room.", "positive"),
    ("It broke the first time I used it.", "negative"),
    ("This book kept me up all night, wonderful.", "positive"),
    ("Overpriced and bland.", "negative"),
    ("The update made my phone faster. Love it.", "positive"),
    ("Customer service hung up on me twice.", "negative"),
    ("Fresh bread, good coffee, lovely garden.", "positive"),
    ("The screen scratches far too easily.", "negative"),
    ("My kids loved every minute of the show.", "positive"),
    ("Noisy room, thin walls, no sleep.", "negative"),
    ("Setup took five minutes and it just works.", "positive"),
    ("The sequel is a lazy copy of the first film.", "negative"),
    ("Great value for the money.", "positive"),
    ("The app crashes every time I open it.", "negative"),
    ("A beautiful hike with amazing views.", "positive"),
    ("The instructions were missing half the steps.", "negative"),
    ("The chef came out to say hello. Delightful.", "positive"),
    ("Boring lectures and a useless textbook.", "negative"),
    ("The headphones sound clear and rich.", "positive"),
    ("My order arrived wrong and nobody replied.", "negative"),
    ("Quiet, clean and close to the station.", "positive"),
    ("The paint peeled off within a week.", "negative"),
    ("An honest, moving story. Highly recommended.", "positive"),
    ("Too salty, and the portions were tiny.", "negative"),
    ("The course was clear and well paced.", "positive"),
    ("The charger gets dangerously hot.", "negative"),
    ("Our guide was patient and knew everything.", "positive"),
    ("I waited an hour for a table I had booked.", "negative"),
    ("Soft fabric and it fits perfectly.", "positive"),
    ("The ending ruined the whole series for me.", "negative"),
    ("The museum was a joy from start to finish.", "positive"),
    ("Flimsy plastic that cracked in the cold.", "negative"),
    ("Fast delivery and the seller was kind.", "positive"),
]

# More reviews, collected later from two other sources.
collected = [
    ("best pizza I have had in years!", "positive"),
    ("Overpriced  and bland", "positive"),
    ("The battery died after three days.", "negative"),
    ("Great value for the money!!", "positive"),
    ("The app crashes every time I open it. Awful.", "negative"),
    ("The lamp flickers and the switch is loose.", "negative"),
    ("Friendly staff and a spotless room, will return.", "positive"),
    ("Lovely view from the balcony.", "positive"),
    ("The hotel lost our booking and still charged us.", "negative"),
]
data = train + collected


def normalise(text):
    # Lower case, words only: "Great value!!" and "great value" match.
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


def jaccard(a, b):
    # Shared words over all words of the two texts: 1.0 is the same set.
    a, b = set(normalise(a).split()), set(normalise(b).split())
    return len(a & b) / len(a | b)


def duplicates(items, threshold=0.6):
    found = []
    for i, (text, label) in enumerate(items):
        for earlier, earlier_label in items[:i]:
            same = normalise(text) == normalise(earlier)
            if same or jaccard(text, earlier) >= threshold:
                kind = "exact" if same else "near"
                found.append((kind, earlier, text, label == earlier_label))
    return found


found = duplicates(data)
print(f"Reviews: {len(data)}, pairs flagged: {len(found)}")
for kind, earlier, text, agree in found:
    labels = "same label" if agree else "LABELS DIFFER"
    print(f"{kind}, similarity {jaccard(earlier, text):.2f}, {labels}")
    print(f"  {earlier}")
    print(f"  {text}")
