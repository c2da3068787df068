from transformers import AutoConfig

config = AutoConfig.from_pretrained("HuggingFaceTB/SmolLM2-135M-Instruct")
layers = config.num_hidden_layers
kv_heads = config.num_key_value_heads
head_dim = config.head_dim

print(f"Context length: {config.max_position_embeddings:,} tokens")
print(f"Layers: {layers}")
print(f"Attention heads: {config.num_attention_heads}, KV heads: {kv_heads}")
print(f"Head size: {head_dim}")

# Every layer keeps a key and a value vector per KV head for each token.
bytes_per_value = 2  # bfloat16
per_token = 2 * layers * kv_heads * head_dim * bytes_per_value
print(f"KV cache, bfloat16: {per_token:,} bytes/token")
for length in (1024, 2048, 4096, config.max_position_embeddings):
    print(f"  {length:>6,} tokens: {length * per_token / 2**20:6.1f} MiB")
