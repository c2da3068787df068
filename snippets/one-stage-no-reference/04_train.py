# Continues the block above (03_the_trainer.py).
passes = 0


def count_pass(module, args):
    global passes
    passes += 1


hook = trainer.model.get_base_model().register_forward_pre_hook(count_pass)
trainer.train()
hook.remove()

logged = [e for e in trainer.state.log_history if "loss" in e]
print("step  loss    sft     log-odds")
for e in logged:
    print(
        f"{e['step']:4d}  {e['loss']:.4f}  {e['nll_loss']:.4f}"
        f"  {e['log_odds_chosen']:.4f}"
    )
print(f"Passes per step: {passes / args.max_steps:g}")
