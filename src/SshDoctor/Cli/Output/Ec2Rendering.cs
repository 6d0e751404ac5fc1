using SshDoctor.Aws.Clients;
using SshDoctor.Aws.Ec2;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Probe;

namespace SshDoctor.Cli.Output;

/// <summary>`sshdoctor ec2` for people: what the instance is, what is wrong in order, the probe, and the next command.</summary>
internal static class Ec2Rendering
{
    public static void Write(TextWriter raw, Ec2Result r, Ec2Request request, AwsClients aws, Messages m)
    {
        var w = TerminalWriter.Wrap(raw);
        var i = r.Facts.Instance;
        w.WriteLine(Colour.Bold(m.Get("ec2.instance", ("instance", i.InstanceId), ("state", i.State), ("type", i.InstanceType), ("region", aws.Region.SystemName))));
        var pub = i.PublicIp is { } ip ? (i.ElasticIp ? $"{ip} ({m.Get("ec2.elastic")})" : ip) : "-";
        w.WriteLine(m.Get("ec2.addresses", ("public", pub), ("private", i.PrivateIp ?? "-")));
        if (r.Facts.Image.Value is { } image)
        {
            if (!image.Found) w.WriteLine(m.Get("ec2.image.missing", ("image", image.ImageId)));
            else
            {
                (string, string)[] args = [("image", image.ImageId), ("name", image.Identity.Name ?? "-"), ("owner", image.Identity.OwnerAlias ?? image.Identity.OwnerId ?? "-"),
                    ("distribution", r.Diagnosis.ImageUsers?.Distribution ?? "-"), ("users", string.Join(", ", r.Diagnosis.ImageUsers?.Users ?? []))];
                w.WriteLine(m.Get(r.Diagnosis.ImageUsers is null ? "ec2.image.unknown" : "ec2.image", args));
            }
        }
        WriteKeyPair(w, r, request, m);

        FindingTextRenderer.Write(raw, r.Findings, m);

        w.WriteLine();
        if (r.Probe is { } probe) WriteProbe(w, probe, m);
        else w.WriteLine(m.Get(request.Key is null ? "ec2.probe.skipped.no_key" : "ec2.probe.skipped.blocked"));

        if (r.Failures.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(Colour.Yellow(m.Get("ec2.failures.heading")));
            foreach (var f in r.Failures) w.WriteLine("  " + Core.Text.TerminalText.Escape(AwsErrorText.Message(f, m)));
        }

        w.WriteLine();
        w.WriteLine(Colour.Bold(m.Get("ec2.next.heading")));
        w.WriteLine("  " + m.Get(NextKey(r.Next), ("user", r.NextUser ?? "-")));
        if (r.NextCommand is { } command) w.WriteLine("    $ " + command);
    }

    public static string NextKey(Ec2NextStep step) => step switch
    {
        Ec2NextStep.Login => "ec2.next.login",
        Ec2NextStep.Start => "ec2.next.start",
        Ec2NextStep.Network => "ec2.next.network",
        Ec2NextStep.RepairSsm => "ec2.next.repair_ssm",
        Ec2NextStep.RepairUserdata => "ec2.next.repair_userdata",
        _ => "ec2.next.undecided",
    };

    private static void WriteKeyPair(TextWriter w, Ec2Result r, Ec2Request request, Messages m)
    {
        var i = r.Facts.Instance;
        if (i.KeyName is null) { w.WriteLine(m.Get("ec2.keypair.none")); return; }
        var pair = r.Facts.KeyPair.Value;
        (string, string)[] args = [("pair", i.KeyName), ("fingerprint", pair?.Fingerprint ?? "-"), ("key", request.Key?.Path ?? "-")];
        var key = r.Diagnosis.KeyMatch switch
        {
            null when pair is not null => "ec2.keypair.no_local",
            null => null,
            { Matches: true } => "ec2.keypair.match",
            { Matches: false } => "ec2.keypair.other",
            _ => "ec2.keypair.unknown",
        };
        if (key is not null) w.WriteLine(m.Get(key, args));
    }

    private static void WriteProbe(TextWriter w, ProbeOutcome probe, Messages m)
    {
        w.WriteLine(m.Get("ec2.probe.heading", ("address", probe.Options.Host), ("port", probe.Options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        foreach (var c in probe.Candidates)
        {
            var line = c.Result switch
            {
                CandidateResult.PkOk => Colour.Green(m.Get("ec2.probe.accepted", ("user", c.User))),
                CandidateResult.Refused => m.Get("ec2.probe.refused", ("user", c.User)),
                _ => m.Get("ec2.probe.error", ("user", c.User), ("detail", c.Report.ErrorDetail ?? c.Report.Error.ToString())),
            };
            w.WriteLine("  " + line);
        }
        if (!probe.Accepting.Any() && probe.Reachable) w.WriteLine("  " + m.Get("ec2.probe.none"));
    }
}
