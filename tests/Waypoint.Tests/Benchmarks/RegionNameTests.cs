using System.Globalization;
using Waypoint.Features.Benchmarks;

namespace Waypoint.Tests.Benchmarks;

public sealed class RegionNameTests
{
    private static readonly RegionName CentralMacedonia = new("EL52", "Κεντρική Μακεδονία", "Kentriki Makedonia");
    private static readonly RegionName SouthWest = new("BG41", "Югозападен", "Yugozapaden");
    private static readonly RegionName UpperBavaria = new("DE21", "Oberbayern", "Oberbayern");

    [Theory]
    [InlineData("en", "Κεντρική Μακεδονία (Kentriki Makedonia)")]
    [InlineData("de", "Κεντρική Μακεδονία (Kentriki Makedonia)")]
    [InlineData("bg", "Κεντρική Μακεδονία (Kentriki Makedonia)")]
    [InlineData("el", "Κεντρική Μακεδονία")]
    public void A_Greek_name_gets_its_Latin_spelling_for_every_reader_but_a_Greek_one(string language, string expected) =>
        Assert.Equal(expected, CentralMacedonia.For(CultureInfo.GetCultureInfo(language)));

    [Theory]
    [InlineData("en", "Югозападен (Yugozapaden)")]
    [InlineData("el", "Югозападен (Yugozapaden)")]
    [InlineData("bg", "Югозападен")]
    public void A_Cyrillic_name_gets_its_Latin_spelling_for_every_reader_but_a_Bulgarian_one(string language, string expected) =>
        Assert.Equal(expected, SouthWest.For(CultureInfo.GetCultureInfo(language)));

    [Fact]
    public void A_name_in_the_Latin_script_is_given_once() =>
        Assert.Equal("Oberbayern", UpperBavaria.For(CultureInfo.GetCultureInfo("el")));

    [Fact]
    public void The_boundary_file_gives_both_names_of_the_Greek_and_Bulgarian_regions_and_one_of_the_others()
    {
        var names = RegionNames.Load(RegionNames.GeoDirectory);

        Assert.Equal(CentralMacedonia, names.Find("EL52"));
        Assert.Equal(SouthWest, names.Find("BG41"));
        Assert.Equal("Oberbayern", names.NameOf("DE21", CultureInfo.GetCultureInfo("en")));
        Assert.Equal("XX99", names.NameOf("XX99", CultureInfo.GetCultureInfo("en")));
    }
}
