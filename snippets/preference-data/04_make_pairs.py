# Continues the block above (03_sample_and_judge.py).
from datasets import Dataset
from trl.data_utils import is_conversational


def make_pairs(judge):
    """Every reply the judge keeps against every reply it drops."""
    pairs = []
    for question, answer in questions:
        replies = [reply.strip() for reply in samples[question]]
        good = [r for r in replies if judge(r, answer)]
        bad = [r for r in replies if not judge(r, answer)]
        for chosen in good:
            for rejected in bad:
                pairs.append(
                    {
                        "prompt": prompt_of(question),
                        "chosen": [{"role": "assistant", "content": chosen}],
                        "rejected": [
                            {"role": "assistant", "content": rejected}
                        ],
                    }
                )
    return Dataset.from_list(pairs)


pairs = make_pairs(lambda reply, answer: follows_the_format(reply))
asked = {p[-1]["content"] for p in pairs["prompt"]}
print(f"Pairs: {len(pairs)}, from {len(asked)} of {len(questions)} questions")
print(f"Conversational: {is_conversational(pairs[0])}")
first = pairs[0]
print("user:    ", first["prompt"][-1]["content"])
print("chosen:  ", first["chosen"][0]["content"])
print("rejected:", first["rejected"][0]["content"])
