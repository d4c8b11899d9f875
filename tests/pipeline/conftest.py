from datetime import date
import pytest


@pytest.fixture(scope="session")
def pipeline():
    from dateline.pipeline import Pipeline
    return Pipeline()


@pytest.fixture(scope="session")
def analyse(pipeline):
    """analyse(text, lang, published) → the ArticleDoc, every stage run."""
    from dateline.records import Article

    def run(text, lang="fr", published=date(2022, 1, 12), precision="day", outlet=None):
        return pipeline.analyse_doc(Article(id="t", text=text, language=lang, published=published,
                                            published_precision=precision, outlet=outlet))
    return run
