using SshDoctor.Core.Localization;
using SshDoctor.Core.Sshd;

namespace SshDoctor.Cli.Output;

/// <summary>Where an effective value came from, as a sentence fragment and as JSON.</summary>
public static class OriginText
{
    public static string Describe(ValueOrigin o, Messages m)
    {
        var line = o.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var place = o.Kind switch
        {
            OriginKind.Default => m.Get("origin.default"),
            OriginKind.ConfigFile => m.Get("origin.config", ("file", o.File!), ("line", line)),
            OriginKind.DropIn => m.Get("origin.dropin", ("file", o.File!), ("line", line)),
            OriginKind.CryptoPolicy => m.Get("origin.crypto", ("file", o.File!), ("line", line)),
            OriginKind.ServiceUnit => m.Get("origin.unit", ("file", o.File!), ("line", line)),
            OriginKind.DefaultSshOpts => m.Get("origin.sshd_opts", ("file", o.File!), ("line", line)),
            _ => m.Get("origin.sysconfig", ("file", o.File!), ("line", line)),
        };
        return o.Match is null ? place : m.Get("origin.match", ("origin", place), ("match", o.Match), ("source", o.MatchSource ?? ""));
    }

    public static string KindName(OriginKind k) => k switch
    {
        OriginKind.Default => "default",
        OriginKind.ConfigFile => "sshd_config",
        OriginKind.DropIn => "drop-in",
        OriginKind.CryptoPolicy => "crypto-policies",
        OriginKind.ServiceUnit => "systemd-unit",
        OriginKind.DefaultSshOpts => "default-ssh-opts",
        _ => "sysconfig-options",
    };

    /// <summary>"keyword value  (origin)" for text output.</summary>
    public static string Line(EffectiveValue v, Messages m) => $"{v.Keyword} {v.Value}  ({Describe(v.Origin, m)})";

    public static IReadOnlyList<SettingJson>? ToJson(IReadOnlyList<EffectiveValue> values) =>
        values.Count == 0 ? null : values.Select(SettingJson.From).ToList();
}
