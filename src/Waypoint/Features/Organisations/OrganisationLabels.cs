using Microsoft.Extensions.Localization;
using Waypoint.Data.Organisations;

namespace Waypoint.Features.Organisations;

/// <summary>The words people read for the organisation's enum values. Each is a literal given to the localizer, so that
/// the translation template collects it.</summary>
internal static class OrganisationLabels
{
    public static string Role(OrganisationRole role, IStringLocalizer l) => role switch
    {
        OrganisationRole.Admin => l["Admin"],
        OrganisationRole.Contributor => l["Contributor"],
        OrganisationRole.Viewer => l["Viewer"],
        _ => role.ToString(),
    };

    public static string ClaimStatus(ClaimStatus status, IStringLocalizer l) => status switch
    {
        Data.Organisations.ClaimStatus.Pending => l["pending"],
        Data.Organisations.ClaimStatus.Approved => l["approved"],
        Data.Organisations.ClaimStatus.Rejected => l["rejected"],
        Data.Organisations.ClaimStatus.Withdrawn => l["withdrawn"],
        _ => status.ToString(),
    };

    public static string LivingInEu(LivingInEuStatus status, IStringLocalizer l) => status switch
    {
        LivingInEuStatus.None => l["Not involved"],
        LivingInEuStatus.Supporter => l["Supporter"],
        LivingInEuStatus.Signatory => l["Signatory"],
        _ => status.ToString(),
    };

    public static string SubGroup(SubGroups group, IStringLocalizer l) => group switch
    {
        SubGroups.Legal => l["Legal"],
        SubGroups.Financial => l["Financial"],
        SubGroups.EducationAndCapacityBuilding => l["Education & Capacity Building"],
        SubGroups.Technical => l["Technical"],
        SubGroups.Monitoring => l["Monitoring"],
        _ => group.ToString(),
    };
}
