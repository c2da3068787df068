# Continues the block above (05_after_training.py).
import time

from trl import GRPOConfig

passes = 0


def count_pass(module, args):
    global passes
    passes += 1


hook = model.get_base_model().register_forward_pre_hook(count_pass)

# One DPO step (without the update): two pairs, replies already written.
batch = next(iter(trainer.get_train_dataloader()))
start = time.perf_counter()
trainer.training_step(model, batch)
dpo_seconds = time.perf_counter() - start
dpo_passes, passes = passes, 0

# The first thing PPO and GRPO do at each step: sample replies, here
# from the model as it was before training (the adapter off).
group = GRPOConfig.__dataclass_fields__["num_generations"].default
question = held_out[0][0]
prompt = tokenizer.apply_chat_template(
    [{"role": "user", "content": question}],
    add_generation_prompt=True,
    return_dict=True,
    return_tensors="pt",
)
torch.manual_seed(0)
start = time.perf_counter()
with torch.no_grad(), model.disable_adapter():
    output = model.generate(
        **prompt, do_sample=True, num_return_sequences=group, max_new_tokens=64
    )
sample_seconds = time.perf_counter() - start
hook.remove()
samples = tokenizer.batch_decode(
    output[:, prompt["input_ids"].shape[1] :], skip_special_tokens=True
)

print(f"One DPO step: {dpo_passes} passes")
print(f"Sampling {group} replies: {passes} passes")
print(f"Sampling took longer: {sample_seconds > dpo_seconds}")
print(f"Samples in the format: {sum(in_format(s) for s in samples)}/{group}")
print("First sample:", repr(samples[0][:40]))
