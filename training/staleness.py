"""需复核: a new version of a regulation that changes a cited article flags the questions citing it."""

from policies.versioning.diff import MODIFIED, REMOVED, RENUMBERED, diff_articles
from policies.versioning.numerals import article_label, from_chinese

from .models import QuestionCitation
from .models.bank import OK, STALE


def _number(label):
    return from_chinese(label.removeprefix("第").removesuffix("条")) if label else None


def compare_url(regulation, old, new):
    return f"{regulation.url}compare/?from={old.pk}&to={new.pk}"


def change_for(citation, newest, cache):
    """The diff entry of the cited article from its pinned version to ``newest`` (None = unchanged)."""
    key = (citation.version_id, newest.pk)
    if key not in cache:
        cache[key] = diff_articles(citation.version.articles(), newest.articles())
    label = article_label(citation.article)
    return next((c for c in cache[key] if c.from_label == label), None)


def equivalents(citation, cache):
    """The (regulation, version, article) keys naming the same article: as cited, and in the newest
    version through the diff (unless removed there). Lets a re-pinned question still match the
    lesson citation it was written for."""
    keys = {(citation.regulation_id, citation.version_id, citation.article)}
    versions = citation.regulation.versions_in_order()
    if citation.version is not None and versions and versions[-1].pk != citation.version_id:
        newest = versions[-1]
        change = change_for(citation, newest, cache)
        if change is None:
            keys.add((citation.regulation_id, newest.pk, citation.article))
        elif change.to_label:
            keys.add((citation.regulation_id, newest.pk, _number(change.to_label)))
    return keys


def describe(regulation, newest, change, number):
    label = article_label(number)
    if change.change == RENUMBERED:
        return f"条序调整：《{regulation.title}》{newest.label}中{label}现为{change.to_label}。"
    if change.change == REMOVED:
        return f"《{regulation.title}》{newest.label}删除了{label}。"
    now = f"（现{change.to_label}）" if change.to_label != label else ""
    return f"《{regulation.title}》{newest.label}修改了{label}{now}。"


def flag_questions_for(regulation):
    """Flags questions whose cited article changed in the newest version; re-pins citations of
    articles that did not change. Idempotent. Returns the questions newly flagged."""
    versions = regulation.versions_in_order()
    if len(versions) < 2:
        return []
    newest = versions[-1]
    cache, flagged = {}, []
    citations = (QuestionCitation.objects.filter(regulation=regulation, version__isnull=False)
                 .exclude(version=newest).select_related("version", "question"))
    for citation in citations:
        change = change_for(citation, newest, cache)
        if change is None:
            citation.version = newest  # unchanged at the same number
            citation.save()
            continue
        question = citation.question
        reason = describe(regulation, newest, change, citation.article)
        if question.review_state == STALE and reason in question.stale_reason:
            continue
        earlier = question.stale_reason if question.review_state == STALE else ""
        question.review_state = STALE
        question.stale_reason = f"{earlier}\n{reason}".strip()
        question.stale_diff_url = compare_url(regulation, citation.version, newest)
        question.save(update_fields=["review_state", "stale_reason", "stale_diff_url"])
        flagged.append(question)
    return flagged


def lesson_notice(citation):
    """(text, diff url) when a lesson cites an article that a later version changed, else None."""
    versions = citation.regulation.versions_in_order()
    if citation.version is None or not versions or versions[-1].pk == citation.version_id:
        return None
    change = change_for(citation, versions[-1], {})
    if change is None or change.change not in (MODIFIED, REMOVED, RENUMBERED):
        return None
    return "本条已修订，查看修订对照", compare_url(citation.regulation, citation.version, versions[-1])


def confirm_question(question, user, now=None):
    """确认无需修改: re-pin every citation through the diff to the newest version and its number."""
    from core import clock

    for citation in question.citations.select_related("regulation", "version"):
        versions = citation.regulation.versions_in_order()
        if citation.version is None or versions[-1].pk == citation.version_id:
            continue
        newest = versions[-1]
        change = change_for(citation, newest, {})
        if change is not None and change.to_label is None:
            raise ValueError(f"{citation}已在新版本中删除，请编辑试题改引其他条文。")
        if change is not None:
            citation.article = _number(change.to_label)
        citation.version = newest
        citation.save()
    question.review_state, question.stale_reason, question.stale_diff_url = OK, "", ""
    question.reviewed_by, question.reviewed_at = user, now or clock.now()
    question.save()
    return question
