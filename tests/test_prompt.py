import pytest
from transformers import AutoTokenizer

from ecomintent.prompt import ANSWER_PREFIX, MAX_QUERY_CHARS, PromptFormat, clean_query, parse_answer

LABELS = ["order_status", "refund_request", "refund_status", "out_of_scope"]


def test_clean_query_policy():
    assert clean_query("  wo\x00 ist\tmein\u200b paket\n ") == ("wo ist mein paket", False)
    long, truncated = clean_query("a" * 20_000)
    assert truncated and len(long) == MAX_QUERY_CHARS
    assert clean_query("") == ("", False)
    assert clean_query("Cafe\u0301") == ("Café", False)  # NFC


@pytest.mark.parametrize(
    "generated, expected",
    [
        ('order_status"}', "order_status"),
        ('{"intent": "refund_status"}', "refund_status"),
        ('refund_status"} trailing words', "refund_status"),
        ('not_a_label"}', None),
        ("I think it is a refund", None),
        ('{"intent": 3}', None),
        ("", None),
    ],
)
def test_parse_answer(generated, expected):
    assert parse_answer(generated, LABELS) == expected


@pytest.mark.parametrize("arch", ["llama", "gemma3"])
def test_training_example_masks_the_prompt(tiny_models, arch):
    tok = AutoTokenizer.from_pretrained(tiny_models[arch])
    fmt = PromptFormat.for_tokenizer(tok)
    ids, labels = fmt.training_example("wo ist mein paket", "order_status")
    n_prompt = len(fmt.prompt_ids("wo ist mein paket"))
    assert labels[:n_prompt] == [-100] * n_prompt
    assert labels[n_prompt:] == ids[n_prompt:]
    # The prompt ends with the answer's fixed opening; the loss is on what varies, the label's rest.
    assert tok.decode(ids[:n_prompt]).endswith(ANSWER_PREFIX)
    assert tok.decode(ids[n_prompt:]) == 'order_status"}' + fmt.end_text
    assert fmt.end_text == ("<|im_end|>" if arch == "llama" else "<end_of_turn>")
    # The prompt is the chat template's, ending where the assistant's turn starts.
    assert fmt.use_chat_template and "wo ist mein paket" in fmt.prompt_text("wo ist mein paket")


def test_no_chat_template_falls_back_to_plain_format(tiny_models):
    tok = AutoTokenizer.from_pretrained(tiny_models["llama"])
    tok.chat_template = None
    fmt = PromptFormat.for_tokenizer(tok)
    assert not fmt.use_chat_template
    assert fmt.prompt_text("hi").endswith("Message: hi\nAnswer: ")
    assert fmt.end_text == tok.eos_token
