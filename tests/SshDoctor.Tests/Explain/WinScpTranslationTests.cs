using SshDoctor.Core.Explain;
using SshDoctor.Core.Findings;
using static SshDoctor.Core.Findings.FindingId;

namespace SshDoctor.Tests.Explain;

/// <summary>
/// Every client message of every WinSCP translation, as a user would paste it (placeholders filled,
/// inside the dialog's other text), is recognized and mapped to its causes.
/// </summary>
public class WinScpTranslationTests
{
    public static TheoryData<string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (lang, id, _, text) in WinScpTexts.All) data.Add(lang, id, text);
        return data;
    }

    private static FindingId Expected(ClientMessage kind) => kind switch
    {
        ClientMessage.KeyRefused or ClientMessage.AccessDenied or ClientMessage.AuthenticationFailed => USER_UNKNOWN,
        ClientMessage.ConnectionRefused => NET_REFUSED,
        ClientMessage.KeyFileFormat => CLIENT_KEY_FORMAT,
        ClientMessage.KeyEncrypted => CLIENT_KEY_ENCRYPTED,
        ClientMessage.HostKeyChanged => HOST_KEY_CHANGED,
        ClientMessage.HostKeyUnknown => HOST_KEY_UNKNOWN,
        ClientMessage.ServerPermissions => STRICTMODES_MODE,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_translation_is_recognized(string lang, string textId, string text)
    {
        var kind = WinScpTexts.All.First(r => r.Lang == lang && r.TextId == textId).Kind;
        var pattern = new PhrasePattern(kind, text, "winscp:" + lang);
        if (!pattern.Usable) return; // one-word translations ("Erro") mean nothing alone
        var pasted = "WinSCP\n" + text.Replace("%HOST%", "ec2-54-1-2-3.compute.amazonaws.com")
            .Replace("%s", @"C:\Users\me\Downloads\my key.pem").Replace("%d", "3").Replace("&", "") + "\nOK";
        var r = Explainer.Explain(pasted);
        Assert.True(r.Recognized, $"{lang} {textId}: {text}");
        Assert.Contains(r.Signals, s => s.Kind == kind);
        Assert.Equal(Expected(kind), r.Candidates[0].Id);
    }

    [Fact]
    public void Key_refused_is_known_in_many_languages()
    {
        var langs = WinScpTexts.All.Where(r => r.Kind == ClientMessage.KeyRefused).Select(r => r.Lang).Distinct().ToList();
        Assert.Contains("FR", langs);
        Assert.Contains("JP", langs);
        Assert.Contains("KO", langs);
        Assert.Contains("PT", langs);
        Assert.True(langs.Count >= 30, $"only {langs.Count} languages");
    }
}
