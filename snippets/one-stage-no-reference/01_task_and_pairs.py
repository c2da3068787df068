import re

from datasets import Dataset
from transformers import AutoModelForCausalLM, AutoTokenizer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
# Left padding: batched generation continues each prompt where it ends.
tokenizer = AutoTokenizer.from_pretrained(model_id, padding_side="left")
model = AutoModelForCausalLM.from_pretrained(model_id)

# Questions the model never trains on, with their answers.
held_out = [
    ("What is 15 + 27?", 42),
    ("How many legs does a cat have?", 4),
    ("What is 9 times 7?", 63),
    ("How many days are in September?", 30),
    ("What is 100 divided by 5?", 20),
    ("How many sides does a pentagon have?", 5),
    ("What is 56 - 19?", 37),
    ("How many weeks are in a year?", 52),
    ("What is 3 times 13?", 39),
    ("How many hours are in two days?", 48),
    ("What is 17 + 6?", 23),
    ("How many wings does a bird have?", 2),
]
FORMAT = r"The answer is (-?\d+)\."


def ask(model, questions):
    batch = tokenizer.apply_chat_template(
        [[{"role": "user", "content": q}] for q, _ in questions],
        add_generation_prompt=True,
        padding=True,
        return_dict=True,
        return_tensors="pt",
    )
    output = model.generate(**batch, max_new_tokens=12, do_sample=False)
    replies = output[:, batch["input_ids"].shape[1] :]
    return tokenizer.batch_decode(replies, skip_special_tokens=True)


def in_format(reply):
    return re.fullmatch(FORMAT, reply.strip()) is not None


def mentions(reply, answer):
    # The right number anywhere in the reply, as a whole number.
    return re.search(rf"(?<![\d-]){answer}(?!\d)", reply) is not None


# (question, answer, a wordy reply in the model's own style)
pairs = [
    ("What is 7 + 5?", 12, "7 + 5 = 12. This is a basic addition problem."),
    (
        "How many legs does a spider have?",
        8,
        "A spider has 8 legs, which it uses to walk and spin webs.",
    ),
    ("What is 9 - 4?", 5, "To find 9 - 4, we subtract 4 from 9 and get 5."),
    (
        "How many days are in a week?",
        7,
        "There are 7 days in a week, from Monday to Sunday.",
    ),
    ("What is 6 times 3?", 18, "6 times 3 is 18, because 6 + 6 + 6 = 18."),
    (
        "How many sides does a triangle have?",
        3,
        "A triangle is a shape with 3 sides and 3 corners.",
    ),
    (
        "What is 20 divided by 4?",
        5,
        "When you divide 20 by 4, you get 5 as the result.",
    ),
    (
        "How many months are in a year?",
        12,
        "A year has 12 months, starting with January.",
    ),
    (
        "What is 11 + 13?",
        24,
        "Adding 11 and 13 together gives us a total of 24.",
    ),
    (
        "How many wheels does a bicycle have?",
        2,
        "A bicycle has 2 wheels, one at the front and one at the back.",
    ),
    ("What is 15 - 8?", 7, "15 - 8 = 7. We take 8 away from 15."),
    (
        "How many hours are in a day?",
        24,
        "There are 24 hours in a single day.",
    ),
    (
        "What is 4 times 4?",
        16,
        "4 times 4 equals 16, which is also 4 squared.",
    ),
    (
        "How many minutes are in an hour?",
        60,
        "An hour is made up of 60 minutes.",
    ),
    (
        "What is 100 - 1?",
        99,
        "If you subtract 1 from 100, you are left with 99.",
    ),
    (
        "How many sides does a square have?",
        4,
        "A square has 4 equal sides and 4 right angles.",
    ),
    ("What is 3 + 3 + 3?", 9, "3 + 3 + 3 = 9, the same as 3 times 3."),
    (
        "How many legs does a dog have?",
        4,
        "A dog walks on 4 legs, like most mammals.",
    ),
    ("What is 50 + 50?", 100, "50 + 50 makes 100, a nice round number."),
    (
        "How many continents are there?",
        7,
        "There are 7 continents on Earth, including Africa and Asia.",
    ),
    ("What is 8 times 2?", 16, "To find 8 times 2, we double 8 and get 16."),
    ("How many seconds are in a minute?", 60, "A minute is 60 seconds long."),
    ("What is 30 - 12?", 18, "30 - 12 = 18. This is a simple subtraction."),
    (
        "How many letters are in the word cat?",
        3,
        "The word cat is spelled with 3 letters: c, a and t.",
    ),
    (
        "What is 2 to the power of 3?",
        8,
        "2 to the power of 3 is 2 * 2 * 2, which is 8.",
    ),
    (
        "How many planets are in the solar system?",
        8,
        "Our solar system has 8 planets orbiting the Sun.",
    ),
    ("What is 45 + 5?", 50, "45 + 5 = 50. Adding 5 brings us to 50."),
    (
        "How many eyes does a person have?",
        2,
        "A person has 2 eyes, which help us see depth.",
    ),
    (
        "What is 81 divided by 9?",
        9,
        "81 divided by 9 is 9, since 9 times 9 is 81.",
    ),
    (
        "How many sides does a hexagon have?",
        6,
        "A hexagon is a polygon with 6 sides.",
    ),
    ("What is 12 - 20?", -8, "12 - 20 = -8, a negative number."),
    (
        "How many days are in a leap year?",
        366,
        "A leap year has 366 days instead of 365.",
    ),
    (
        "What is 25 times 4?",
        100,
        "25 times 4 is 100, just like four quarters make a dollar.",
    ),
    (
        "How many strings does a guitar have?",
        6,
        "A standard guitar has 6 strings.",
    ),
    (
        "What is 1 + 2 + 3 + 4?",
        10,
        "1 + 2 + 3 + 4 = 10. We add the numbers one by one.",
    ),
    (
        "How many legs does an insect have?",
        6,
        "An insect has 6 legs and 3 body parts.",
    ),
    ("What is 64 divided by 8?", 8, "64 divided by 8 equals 8."),
    (
        "How many players does a soccer team have on the field?",
        11,
        "A soccer team has 11 players on the field.",
    ),
    ("What is 1000 - 10?", 990, "1000 - 10 = 990. We subtract 10 from 1000."),
    (
        "How many zeros are in one thousand?",
        3,
        "The number one thousand, 1000, has 3 zeros.",
    ),
]


def pair(question, answer, wordy):
    return {
        "prompt": [{"role": "user", "content": question}],
        "chosen": [
            {"role": "assistant", "content": f"The answer is {answer}."}
        ],
        "rejected": [{"role": "assistant", "content": wordy}],
    }


dataset = Dataset.from_list([pair(*p) for p in pairs])

before_replies = ask(model, held_out)
before_format = sum(in_format(r) for r in before_replies)
before_knows = [mentions(r, a) for r, (_, a) in zip(before_replies, held_out)]
print(f"Preference pairs: {len(dataset)}")
print(f"Held-out questions: {len(held_out)}")
print(f"In the format: {before_format}/{len(held_out)}")
print(f"Right number somewhere: {sum(before_knows)}/{len(held_out)}")
