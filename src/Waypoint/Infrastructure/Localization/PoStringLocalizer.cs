using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Waypoint.Infrastructure.Localization;

/// <summary>Looks strings up in the <see cref="TranslationCatalog"/> (PO files with accepted overrides over them) for
/// the current UI culture. One localizer serves every type: Waypoint keeps one catalogue per language, keyed by the
/// English text.</summary>
internal sealed class PoStringLocalizer(TranslationCatalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var text = catalog.Find(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, name);
            ServedStrings.Current?.Add(name);
            return new LocalizedString(name, text ?? name, resourceNotFound: text is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var template = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, template.Value, arguments), template.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.StringsOf(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)
            .Select(kv => new LocalizedString(kv.Key, kv.Value));
}

internal sealed class PoStringLocalizerFactory(TranslationCatalog catalog) : IStringLocalizerFactory
{
    private readonly PoStringLocalizer _localizer = new(catalog);

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}
