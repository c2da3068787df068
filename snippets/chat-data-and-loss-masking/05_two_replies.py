# Continues the block above (04_generation_markers.py).
# One conversation with two reviews, and so two replies.
(r1, l1), (r2, l2) = train[0], train[1]
convo = chat(r1) + reply(l1) + [{"role": "user", "content": r2}] + reply(l2)

print("== messages, assistant_only_loss=True")
two_replies = Dataset.from_list([{"messages": convo}])
show(prepare(two_replies, assistant_only_loss=True))
print("== prompt-completion, the last reply as completion")
last_reply = Dataset.from_list(
    [{"prompt": convo[:-1], "completion": convo[-1:]}]
)
show(prepare(last_reply))
