"""Admin: importing townships and villages from a table (template download → upload → preview of
what will be created and the errors per row → confirm), and 岗位 (cadre assignments).

Thin views over ``villages.importer`` (reading, checking) and ``villages.county`` (writing). Only
county staff and superusers may use them."""

import base64

from django import forms
from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Site

from core.roles import SUPERVISOR, ensure_township_group

from . import county, importer
from .access import is_county_staff
from .models import CadreAssignment

SESSION_KEY = "villages_import"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require_county_staff(request):
    if not is_county_staff(request.user):
        raise PermissionDenied("只有县委组织部工作人员可以导入乡镇和村（社区）。")


def _county_code():
    """The county is the default site's root page (cms's HomePage, which villages does not import)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    code = getattr(home, "county_code", "")
    return (home, code) if code else (None, "")


def template_view(request):
    _require_county_staff(request)
    _home, code = _county_code()
    response = HttpResponse(importer.template_xlsx(code or "520330"), content_type=XLSX)
    response["Content-Disposition"] = "attachment; filename*=UTF-8''villages-template.xlsx"
    return response


class UploadForm(forms.Form):
    file = forms.FileField(label="表格文件（.xlsx 或 .csv）", error_messages={"required": "请选择要上传的表格文件。"},
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}))


def import_view(request):
    _require_county_staff(request)
    home, code = _county_code()
    if home is None:
        return TemplateResponse(request, "villages/admin_import.html",
                                {"error": "本站还没有设置县（请先运行 setup_county）。", "form": UploadForm()}, status=400)
    form, changes, filename, status = UploadForm(), None, "", 200
    step = request.POST.get("step") if request.method == "POST" else None
    if step == "upload":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data, filename = upload.read(), upload.name
            changes = county.compare(importer.parse(data, filename, code))
            if not changes.errors and not changes.nothing_to_do:
                request.session[SESSION_KEY] = {"data": base64.b64encode(data).decode(), "filename": filename}
            status = 400 if changes.errors else 200
    elif step == "confirm" and SESSION_KEY in request.session:
        stored = request.session.pop(SESSION_KEY)
        filename = stored["filename"]
        # Checked again: the database may have changed since the preview.
        changes = county.compare(importer.parse(base64.b64decode(stored["data"]), filename, code))
        if not changes.errors:
            made_t, made_v = county.apply(changes, home)
            messages.success(request, f"已导入乡镇 {made_t} 个、村（社区）{made_v} 个。")
            return redirect("villages_import")
        status = 400
    elif step == "confirm":
        messages.error(request, "预览已失效，请重新上传表格。")
        return redirect("villages_import")
    context = {"form": form, "changes": changes, "filename": filename, "columns": importer.COLUMNS,
               "county_code": code}
    return TemplateResponse(request, "villages/admin_import.html", context, status=status)


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = CadreAssignment
        fields = ["user", "role", "township", "village", "valid_from", "valid_to"]
        widgets = {"valid_from": forms.DateInput(attrs={"type": "date"}),
                   "valid_to": forms.DateInput(attrs={"type": "date"})}
        error_messages = {"user": {"required": "请选择用户。"}}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].required = True
        self.fields["role"].error_messages["required"] = "请选择角色。"
        self.fields["township"].queryset = self.fields["township"].queryset.order_by("code")
        self.fields["village"].queryset = self.fields["village"].queryset.order_by("code")
        self.fields["village"].label_from_instance = lambda v: f"{v.code} {v.title}"
        self.fields["township"].label_from_instance = lambda t: f"{t.code} {t.title}"

    def save(self, commit=True):
        assignment = super().save(commit=commit)
        if commit:
            grant_role(assignment)
        return assignment


def grant_role(assignment):
    """The role's group (and a supervisor's township group, for page rights on its subtree)."""
    user = assignment.user
    user.groups.add(Group.objects.get_or_create(name=assignment.role)[0])
    if assignment.role == SUPERVISOR and assignment.township_id:
        user.groups.add(ensure_township_group(assignment.township))


class AssignmentViewSet(ModelViewSet):
    model = CadreAssignment
    form_class = AssignmentForm
    icon = "group"
    menu_label = "岗位"
    menu_name = "assignments"
    add_to_settings_menu = True
    name = "assignments"
    list_display = ["user", "role", "township", "village", "valid_from", "valid_to"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__first_name"]

    def get_form_class(self, for_update=False):
        return AssignmentForm


assignment_viewset = AssignmentViewSet()
