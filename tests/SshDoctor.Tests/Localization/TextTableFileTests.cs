using System.Reflection;
using SshDoctor.Core.Localization;

namespace SshDoctor.Tests.Localization;

/// <summary>
/// The program reads the message tables from the embedded Texts.{Area}.{Lang}.cs files (TextTableFile); each must give
/// exactly the dictionary its compiled property holds, so an entry the reader does not understand fails here.
/// </summary>
public sealed class TextTableFileTests
{
    public static TheoryData<string, Lang> EveryTable()
    {
        var data = new TheoryData<string, Lang>();
        foreach (var area in Texts.Areas)
            foreach (var lang in Enum.GetValues<Lang>())
                data.Add(area, lang);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTable))]
    public void Embedded_file_reads_as_the_compiled_table(string area, Lang lang)
    {
        var property = typeof(Texts).GetProperty(area + Texts.FileSuffix(lang), BindingFlags.Public | BindingFlags.Static);
        Assert.NotNull(property);
        var compiled = (IReadOnlyDictionary<string, string>)property.GetValue(null)!;
        var read = new TextTableFile();
        read.Read($"Texts.{area}.{Texts.FileSuffix(lang)}.cs");
        Assert.Equal(compiled.OrderBy(e => e.Key, StringComparer.Ordinal), read.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_table_file_is_an_area()
    {
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (repo is not null && !Directory.Exists(Path.Combine(repo.FullName, "src", "SshDoctor.Core", "Localization"))) repo = repo.Parent;
        var dir = Path.Combine(repo!.FullName, "src", "SshDoctor.Core", "Localization");
        var areas = Directory.GetFiles(dir, "Texts.*.*.cs").Select(f => Path.GetFileName(f).Split('.')[1]).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(Texts.Areas.Order(StringComparer.Ordinal), areas);
    }

    [Fact]
    public void A_language_table_is_the_union_of_its_areas()
    {
        foreach (var lang in Enum.GetValues<Lang>())
        {
            var count = Texts.Areas.Sum(a => ((IReadOnlyDictionary<string, string>)typeof(Texts)
                .GetProperty(a + Texts.FileSuffix(lang), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).Count);
            Assert.Equal(count, Texts.Table(lang).Count);
        }
    }
}
