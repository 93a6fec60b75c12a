"""The admin edit form of a village's rules offers only template versions as ``based_on``."""

import pytest

from policies.models import VillageRulePage
from villages.models import VillagePage

pytestmark = pytest.mark.django_db


def test_edit_form_renders_and_limits_based_on(client, login):
    login("admin")
    rule = VillageRulePage.objects.child_of(VillagePage.objects.get(code="520330101201")).get()
    resp = client.get(f"/admin/pages/{rule.pk}/edit/")
    assert resp.status_code == 200
    form = resp.context["form"]
    choices = form.formsets["versions"].forms[0].fields["based_on"].queryset
    assert {v.page.slug for v in choices} == {"shifan-wenben"}
    assert "习水县村规民约示范文本 · 2023年修订示范文本" in resp.content.decode()
    template = VillageRulePage.objects.get(slug="shifan-wenben")
    assert client.get(f"/admin/pages/{template.pk}/edit/").status_code == 200
