from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
config = AutoConfig.from_pretrained(model_id)
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForCausalLM.from_pretrained(model_id)

V, h = config.vocab_size, config.hidden_size
L, m = config.num_hidden_layers, config.intermediate_size
heads = config.num_attention_heads
kv_heads = config.num_key_value_heads
print("vocabulary size V:  ", V)
print("hidden size h:      ", h)
print("decoder layers L:   ", L)
print("MLP size m:         ", m)
print("attention heads:    ", heads)
print("key/value heads:    ", kv_heads)
print("head size h/heads:  ", h // heads)
print("LM head tied:       ", config.tie_word_embeddings)
