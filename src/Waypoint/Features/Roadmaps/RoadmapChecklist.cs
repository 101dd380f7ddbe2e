using Microsoft.Extensions.Localization;

namespace Waypoint.Features.Roadmaps;

/// <summary>What to put in a tender when a roadmap action means buying something: the Minimal Interoperability
/// Mechanisms as requirements, and fair-AI clauses where the solution uses AI. Each a literal for the translators.</summary>
internal static class RoadmapChecklist
{
    public static IReadOnlyList<ChecklistSectionDto> For(IStringLocalizer l) =>
    [
        new(l["Interoperability requirements (MIMs)"], "mims-plus",
        [
            l["Context and real-time data are offered through the NGSI-LD context information API (MIM1)."],
            l["Data follows the shared Smart Data Models wherever a model exists (MIM2)."],
            l["Terms of use of the data are explicit, and the authority keeps the right to share and reuse its data (MIM3)."],
            l["Personal data is processed with the person's consent and under their control (MIM4)."],
            l["Locations use standard geospatial formats and reference data (MIM7)."],
            l["Every function and dataset is reachable through documented open APIs, and all data is returned in open formats at the end of the contract."],
        ]),
        new(l["Fair-AI clauses, where the solution uses AI"], "eu-ai-model-clauses",
        [
            l["The EU model contractual clauses for the procurement of AI are part of the contract."],
            l["The supplier documents the system's purpose, data, logic and known risks, so that it can be entered in the algorithm register."],
            l["People can oversee and override the system's outputs, and the authority may audit it and test it for bias."],
            l["The supplier shows how the system meets the AI Act for its risk category."],
        ]),
    ];
}
