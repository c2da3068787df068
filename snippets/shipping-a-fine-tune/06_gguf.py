# Continues the block above (05_int8.py).
import gguf

del small  # free the int8 copy's memory for this one
c = shipped.config
writer = gguf.GGUFWriter("sentiment-model/model-q8_0.gguf", "llama")
writer.add_context_length(c.max_position_embeddings)
writer.add_embedding_length(c.hidden_size)
writer.add_block_count(c.num_hidden_layers)
writer.add_feed_forward_length(c.intermediate_size)
writer.add_head_count(c.num_attention_heads)
writer.add_head_count_kv(c.num_key_value_heads)
writer.add_rope_dimension_count(c.head_dim)
writer.add_rope_freq_base(c.rope_parameters["rope_theta"])
writer.add_layer_norm_rms_eps(c.rms_norm_eps)
writer.add_vocab_size(c.vocab_size)


def llama_cpp_order(weight, heads):
    # llama.cpp stores the rows of q and k in another order.
    rows = weight.shape[0]
    return (
        weight.reshape(heads, 2, rows // heads // 2, -1)
        .swapaxes(1, 2)
        .reshape(weight.shape)
    )


# GGUF's names: model.layers.0.self_attn.q_proj -> blk.0.attn_q
names = gguf.get_tensor_name_map(gguf.MODEL_ARCH.LLAMA, c.num_hidden_layers)
Q8_0 = gguf.GGMLQuantizationType.Q8_0  # int8, one scale per 32 weights
for name, weight in shipped.state_dict().items():
    if name == "lm_head.weight":
        continue  # tied to the embeddings
    weight = weight.numpy()
    if "q_proj" in name:
        weight = llama_cpp_order(weight, c.num_attention_heads)
    elif "k_proj" in name:
        weight = llama_cpp_order(weight, c.num_key_value_heads)
    name = names.get_name(name, try_suffixes=(".weight",))
    if weight.ndim == 2:
        writer.add_tensor(name, gguf.quantize(weight, Q8_0), raw_dtype=Q8_0)
    else:  # the norms stay float32
        writer.add_tensor(name, weight)
writer.write_header_to_file()
writer.write_kv_data_to_file()
writer.write_tensors_to_file()
writer.close()
print("GGUF file:", size("sentiment-model/model-q8_0.gguf"))
fields = gguf.GGUFReader("sentiment-model/model-q8_0.gguf").fields
print("Tokenizer inside:", any(k.startswith("tokenizer.") for k in fields))

# Loading it back: transformers turns Q8_0 back into float32.
gguf_model = AutoModelForCausalLM.from_pretrained(
    "sentiment-model", gguf_file="model-q8_0.gguf"
)
gguf_replies = classify(gguf_model, held_out)
report(gguf_replies)
