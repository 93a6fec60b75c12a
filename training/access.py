"""Who may manage training and whose progress a user may see."""

from core.permissions import role_names
from core.roles import FIRST_SECRETARY, SUPERVISOR, TRAINING_MANAGER, VILLAGE_CADRE
from villages.models import CadreAssignment, TownshipPage

TRAINEE_ROLES = {FIRST_SECRETARY, VILLAGE_CADRE}


def is_training_manager(user):
    return user.is_authenticated and (user.is_superuser or TRAINING_MANAGER in role_names(user))


def is_trainee(user):
    return user.is_authenticated and bool(role_names(user) & TRAINEE_ROLES)


def progress_townships(user):
    """Townships whose trainees' progress the user may see: all for managers, their own for 乡镇督导."""
    if is_training_manager(user):
        return TownshipPage.objects.all()
    if user.is_authenticated and SUPERVISOR in role_names(user):
        return TownshipPage.objects.filter(assignments__user=user)
    return TownshipPage.objects.none()


def can_see_progress(user, township=None):
    if is_training_manager(user):
        return True
    townships = progress_townships(user)
    return townships.exists() if township is None else townships.filter(pk=township.pk).exists()


def trainee_township(user):
    """The township of the village a trainee is assigned to (first assignment), or None."""
    assignment = (CadreAssignment.objects.filter(user=user, village__isnull=False)
                  .select_related("village").first())
    return assignment.village.township if assignment else None
