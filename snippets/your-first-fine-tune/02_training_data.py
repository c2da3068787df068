# Continues the block above (01_before_training.py).
from datasets import Dataset

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


def example(review, label):
    # Prompt and completion: the trainer computes the loss on the
    # completion only, the reply we want the model to learn.
    return {
        "prompt": chat(review),
        "completion": [{"role": "assistant", "content": f"LABEL: {label}"}],
    }


dataset = Dataset.from_list([example(r, label) for r, label in train])
positive = sum(label == "positive" for _, label in train)
print(f"Training examples: {len(dataset)}")
print(f"  positive {positive}, negative {len(train) - positive}")
in_both = {r for r, _ in train} & {r for r, _ in held_out}
print(f"Held-out examples: {len(held_out)}, also in training: {len(in_both)}")
first = dataset[0]
print("The first example, as the model reads it:")
print(
    tokenizer.apply_chat_template(
        first["prompt"] + first["completion"], tokenize=False
    )
)
