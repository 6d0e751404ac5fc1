using System.Text.Json.Serialization;
using SshDoctor.Aws.Clients;
using SshDoctor.Aws.Ec2;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Probe;

namespace SshDoctor.Cli.Output;

/// <summary>`sshdoctor ec2 --json`: design.md's envelope (tool, schema, command, user, key, verdict, findings) plus the instance.</summary>
internal sealed record Ec2Json(
    string Tool, int Schema, string Command, Ec2InstanceJson Instance, string? User, Ec2KeyJson? Key, string Verdict,
    IReadOnlyList<FindingJson> Findings, IReadOnlyList<Ec2CandidateJson>? Candidates, Ec2NextJson? Next, IReadOnlyList<Ec2ErrorJson> Errors);

internal sealed record Ec2InstanceJson(
    string Id, string? State, string? Type, string Region, string? PublicIp, bool? ElasticIp, string? PrivateIp, string? SubnetId, string? VpcId,
    IReadOnlyList<string>? SecurityGroups, string? InstanceProfile, string? MetadataHttpTokens, bool? Nitro, int? InstanceStoreDisks,
    bool? RootVolumeEncrypted, string? AutoScalingGroup, Ec2ImageJson? Image, Ec2KeyPairJson? KeyPair, string? SsmPingStatus, bool? SerialConsoleEnabled);

internal sealed record Ec2ImageJson(string Id, bool Found, string? Name, string? OwnerId, string? OwnerAlias, string? PlatformDetails, string? Distribution, IReadOnlyList<string> DefaultUsers);

internal sealed record Ec2KeyPairJson(string Name, string? Type, string? Fingerprint, bool? MatchesKey);

internal sealed record Ec2KeyJson(string Type, string Sha256, string Path, IReadOnlyList<Ec2FingerprintJson> Console);

internal sealed record Ec2FingerprintJson(string Form, string Value);

internal sealed record Ec2CandidateJson(string User, string Result);

internal sealed record Ec2NextJson(string Step, string? User, string? Command, string Message);

internal sealed record Ec2ErrorJson(string Action, string Kind, string? Code, string Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(Ec2Json))]
internal sealed partial class Ec2JsonContext : JsonSerializerContext;

/// <summary>Builds and writes the document.</summary>
internal static class Ec2JsonOutput
{
    public static void Write(TextWriter w, Ec2Result r, Ec2Request request, AwsClients aws, Messages m)
    {
        var i = r.Facts.Instance;
        var image = r.Facts.Image.Value is { } img
            ? new Ec2ImageJson(img.ImageId, img.Found, img.Identity.Name, img.Identity.OwnerId, img.Identity.OwnerAlias, img.Identity.PlatformDetails,
                r.Diagnosis.ImageUsers?.Distribution, r.Diagnosis.ImageUsers?.Users ?? [])
            : null;
        var pair = i.KeyName is null ? null
            : new Ec2KeyPairJson(i.KeyName, r.Facts.KeyPair.Value?.KeyType, r.Facts.KeyPair.Value?.Fingerprint, r.Diagnosis.KeyMatch?.Matches);
        var instance = new Ec2InstanceJson(i.InstanceId, i.State, i.InstanceType, aws.Region.SystemName, i.PublicIp, i.ElasticIp, i.PrivateIp,
            i.SubnetId, i.VpcId, i.SecurityGroupIds, i.InstanceProfileArn, i.MetadataHttpTokens, r.Facts.InstanceType.Value?.Nitro,
            r.Facts.InstanceType.Value?.InstanceStoreDisks, r.Facts.RootVolume.Value?.Encrypted, i.AutoScalingGroup, image, pair,
            r.Facts.Ssm.Value?.PingStatus, r.Facts.SerialConsole.Value?.Enabled);
        var candidates = r.Probe?.Candidates.Select(c => new Ec2CandidateJson(c.User, c.Result switch
        {
            CandidateResult.PkOk => "pk_ok",
            CandidateResult.Refused => "refused",
            _ => "error",
        })).ToList();
        var verdict = r.Probe?.Accepting.Any() == true ? "accepted" : r.Blocking ? "refused" : "unknown";
        var next = new Ec2NextJson(StepName(r.Next), r.NextUser, r.NextCommand, m.Get(Ec2Rendering.NextKey(r.Next), ("user", r.NextUser ?? "-")));
        var errors = r.Failures.Select(f => new Ec2ErrorJson(f.Action, AwsErrorText.KindName(f.Kind), f.Code, AwsErrorText.Message(f, m))).ToList();
        var doc = new Ec2Json("sshdoctor", 1, "ec2", instance, request.User ?? r.NextUser, Key(request), verdict,
            r.Findings.Select(f => FindingJson.From(f, m)).ToList(), candidates, next, errors);
        JsonOut.Write(w, doc, Ec2JsonContext.Default.Ec2Json);
    }

    /// <summary>DescribeInstances itself was denied: the envelope with that one finding.</summary>
    public static void WriteDenied(TextWriter w, Ec2Request request, AwsClients aws, Finding finding, Messages m)
    {
        var instance = new Ec2InstanceJson(request.InstanceId, null, null, aws.Region.SystemName, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null);
        var doc = new Ec2Json("sshdoctor", 1, "ec2", instance, request.User, Key(request), "unknown", [FindingJson.From(finding, m)], null,
            new Ec2NextJson("undecided", null, null, m.Get("ec2.next.undecided")),
            [new Ec2ErrorJson(finding.Args["action"], "permission_denied", finding.Args["code"], m.Message(finding))]);
        JsonOut.Write(w, doc, Ec2JsonContext.Default.Ec2Json);
    }

    private static Ec2KeyJson? Key(Ec2Request request) => request.Key is { } k
        ? new Ec2KeyJson(k.Public.Type, k.Public.Sha256Fingerprint, k.Path,
            KeyPairComparison.ConsoleForms(k).Select(f => new Ec2FingerprintJson(f.Form, f.Value)).ToList())
        : null;

    public static string StepName(Ec2NextStep s) => s switch
    {
        Ec2NextStep.Login => "login",
        Ec2NextStep.Start => "start",
        Ec2NextStep.Network => "network",
        Ec2NextStep.RepairSsm => "repair_ssm",
        Ec2NextStep.RepairUserdata => "repair_userdata",
        _ => "undecided",
    };
}
