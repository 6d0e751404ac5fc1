using SshDoctor.Core.Explain;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;

namespace SshDoctor.Tests.Explain;

/// <summary>explain.* and logs.* exist in all five languages with the same placeholders.</summary>
public class ExplainTextsTests
{
    private static IEnumerable<string> OwnKeys(Lang lang) =>
        Texts.Table(lang).Keys.Where(k => k.StartsWith("explain.", StringComparison.Ordinal) || k.StartsWith("logs.", StringComparison.Ordinal));

    [Theory]
    [InlineData(Lang.Fr)]
    [InlineData(Lang.Pt)]
    [InlineData(Lang.Ko)]
    [InlineData(Lang.Ja)]
    public void Every_key_is_translated_with_the_same_placeholders(Lang lang)
    {
        var en = Texts.Table(Lang.En);
        var other = Texts.Table(lang);
        Assert.Equal(OwnKeys(Lang.En).OrderBy(k => k, StringComparer.Ordinal), OwnKeys(lang).OrderBy(k => k, StringComparer.Ordinal));
        foreach (var key in OwnKeys(Lang.En))
        {
            Assert.Equal(Messages.Placeholders(en[key]).OrderBy(p => p), Messages.Placeholders(other[key]).OrderBy(p => p));
            Assert.NotEqual(string.Empty, other[key].Trim());
        }
    }

    [Fact]
    public void Every_signal_kind_and_candidate_has_a_text()
    {
        var en = Texts.Table(Lang.En);
        foreach (var kind in Enum.GetValues<ClientMessage>())
            if (kind != ClientMessage.ServerLog)
                Assert.True(en.ContainsKey("explain.signal." + kind.Name()), kind.Name());
        foreach (var id in Enum.GetValues<FindingId>())
            Assert.True(en.ContainsKey("explain.check." + id), id.ToString());
    }
}
