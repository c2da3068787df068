"""What a snippet can change about a loaded model, as one comparable value.

Its own module because the runner hands one loaded model to many snippets (the expensive load
happens once per session) only while it is exactly as loaded: each time, model_state() is
compared with the state it was loaded in, and a model trained, wrapped by PEFT, switched to
train mode or hooked is never handed out again (coursetools.runner).
"""

from __future__ import annotations


def model_state(model) -> tuple:
    """What a snippet can change about a loaded model that the next snippet would see: each
    parameter and buffer (identity, in-place version, requires_grad, dtype, shape), each module
    (type, train/eval mode, hooks: PEFT's get_peft_model swaps modules in place), the configs."""
    params = tuple(
        (name, p.data_ptr(), p._version, p.requires_grad, p.dtype, tuple(p.shape))
        for name, p in model.named_parameters(remove_duplicate=False)
    )
    buffers = tuple(
        (name, b.data_ptr(), b._version, b.dtype) for name, b in model.named_buffers(remove_duplicate=False)
    )
    modules = tuple(
        (
            name,
            type(m),
            m.training,
            len(m._forward_hooks),
            len(m._forward_pre_hooks),
            len(m._backward_hooks),
            len(m._backward_pre_hooks),
        )
        for name, m in model.named_modules(remove_duplicate=False)
    )
    configs = tuple(
        repr(getattr(model, attr, None).to_dict()) if hasattr(getattr(model, attr, None), "to_dict") else None
        for attr in ("config", "generation_config")
    )
    return params, buffers, modules, configs
