"""What lesson 1.1's page says, in a file of its own (not in the site's tests), so editing the lesson
breaks only its own tests. Not under tests/snippets/: those run in one-lesson copies of the course
(the outputs workflow, the contributor path), where the page's links to other lessons can't build."""

import pytest
from bs4 import BeautifulSoup


def _article(built_site):
    html = (built_site / "lessons/base-vs-instruct/index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")


def _text(element) -> str:
    return " ".join(element.get_text().split())


@pytest.mark.quotes(
    "An instruct model is a base model plus someone else's alignment training.",
)
def test_the_key_idea_is_set_apart(built_site):
    key_idea = _article(built_site).select_one(".admonition.tip")
    assert key_idea.select_one(".admonition-title").get_text(strip=True) == "Key idea"
    assert "someone else's alignment training" in key_idea.get_text()


@pytest.mark.quotes(
    "Three honest exceptions where you reach for the base model instead:",
    "teach behaviours the raw next-token objective never asked for:",
)
def test_the_three_exceptions_and_five_behaviours_are_listed(built_site):
    article = _article(built_site)
    exceptions = [
        _text(li) for li in article.find("h2", id="when-base-is-the-right-choice").find_next("ol").find_all("li")
    ]
    assert [e.split(".")[0] for e in exceptions] == [
        "Continued pretraining",
        "Building your own instruct from scratch",
        "The shipped alignment fights your task",
    ]
    behaviours = article.find("h2", id="what-instruct-means").find_next("ul").find_all("li")
    assert len(behaviours) == 5


@pytest.mark.quotes(
    "A base model is what you get straight out of pretraining ([Lesson 0.6, next-token prediction](../next-token-prediction/index.md)).",
    "preference tuning like DPO or RLHF ([Track 4, Lesson 4.5](../preference-tuning-with-dpo/index.md)).",
    "[The next lesson](../picking-a-base-model/index.md) is about everything else that goes into picking the specific base model — license, tokenizer, context length, size.",
)
def test_the_lessons_it_names_are_links(built_site):
    links = {_text(a): a["href"].rstrip("/") for a in _article(built_site).find_all("a")}
    assert links["Lesson 0.6, next-token prediction"].endswith("next-token-prediction")
    assert links["Track 4, Lesson 4.5"].endswith("preference-tuning-with-dpo")
    assert links["The next lesson"].endswith("picking-a-base-model")
