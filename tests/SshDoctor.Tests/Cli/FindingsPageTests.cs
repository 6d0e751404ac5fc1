using System.Text.RegularExpressions;
using SshDoctor.Cli.Output;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;

namespace SshDoctor.Tests.Cli;

/// <summary>docs/findings.md is the catalogue as the code has it; the README links stay inside the repository.</summary>
public sealed partial class FindingsPageTests
{
    private static string RepoFile(string relative) => Path.Combine(TestFiles.Dir(), "..", "..", relative);

    [Fact]
    public void Page_equals_the_generated_catalogue()
    {
        var page = File.ReadAllText(RepoFile("docs/findings.md"));
        Assert.True(page == CatalogRendering.Markdown(Messages.For(Lang.En)),
            "docs/findings.md differs from the code's catalogue: run scripts/gen-findings.sh");
    }

    [Fact]
    public void Every_id_has_an_entry_with_its_when_and_fix_texts_in_every_language()
    {
        foreach (var lang in Enum.GetValues<Lang>())
        {
            var m = Messages.For(lang);
            foreach (var id in Enum.GetValues<FindingId>())
            {
                Assert.NotEqual("explain.check." + id, CatalogRendering.When(id, m));
                Assert.DoesNotContain("{", CatalogRendering.Fix(id, m));
            }
        }
    }

    [Theory]
    [InlineData("en", "What fixes it:"), InlineData("fr", "Ce qui corrige\u00a0:"), InlineData("pt", "O que corrige:"), InlineData("ko", "해결 방법:"), InlineData("ja", "対処:")]
    public void Explain_id_prints_the_entry_in_the_language(string lang, string fixLabel)
    {
        var r = Support.Cli.Run("explain", "--id", "strictmodes_mode", "--lang", lang);
        Assert.Equal(0, r.Exit);
        Assert.StartsWith("STRICTMODES_MODE (", r.Out);
        Assert.Contains("Authentication refused: bad ownership or modes", r.Out);
        Assert.Contains(fixLabel, r.Out);
    }

    [Fact]
    public void Unknown_id_is_bad_input()
    {
        var r = Support.Cli.Run("explain", "--id", "NOT_AN_ID", "--json");
        Assert.Equal(2, r.Exit);
        Assert.Contains("\"unknown_id\"", r.Out);
    }

    [GeneratedRegex(@"\]\(([^)#]+)")]
    private static partial Regex LinkTarget();

    [Fact]
    public void Readme_links_stay_in_the_repository()
    {
        var readme = File.ReadAllText(RepoFile("README.md"));
        Assert.DoesNotContain("../shared", readme);
        foreach (Match link in LinkTarget().Matches(readme))
        {
            var target = link.Groups[1].Value;
            if (target.StartsWith("http", StringComparison.Ordinal)) continue;
            Assert.True(File.Exists(RepoFile(target)) || Directory.Exists(RepoFile(target)), $"README links {target}, which is not in the repository");
        }
    }
}
