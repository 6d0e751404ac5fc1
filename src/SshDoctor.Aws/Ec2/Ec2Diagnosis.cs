using SshDoctor.Aws.Clients;
using SshDoctor.Core.Findings;

namespace SshDoctor.Aws.Ec2;

/// <summary>The repair that fits, in the order sshdoctor tries them.</summary>
public enum Ec2NextStep
{
    /// <summary>Nothing blocks that the API shows: log in (as the user found).</summary>
    Login,
    /// <summary>The instance is stopped: start it.</summary>
    Start,
    /// <summary>A security group, network ACL or route is in the way: the finding's command opens it.</summary>
    Network,
    /// <summary>The key or user is wrong on the instance and the SSM agent is online: `ec2 fix --via ssm`.</summary>
    RepairSsm,
    /// <summary>No agent: `ec2 fix --via userdata` (a stop and a start, twice).</summary>
    RepairUserdata,
    /// <summary>The diagnosis could not decide (a permission or call failed, the instance state is unusual).</summary>
    Undecided,
}

/// <summary>What the API shows: the findings in the order to read them, the users to try, and the next command.</summary>
public sealed record Ec2Diagnosis(
    IReadOnlyList<Finding> Findings,
    ImageUsers? ImageUsers,
    IReadOnlyList<string> CandidateUsers,
    string? Address,
    KeyPairMatch? KeyMatch,
    PortCheck? Port,
    NaclCheck? Nacl,
    RouteResult? Route,
    bool NetworkBlocks,
    string? LocalKeyInstalledFor)
{
    public bool Blocking => Findings.Any(f => f.Severity == Severity.Blocking);
}

/// <summary>
/// Facts → findings, without any I/O (the unit tests feed it typed facts). Order: the instance's state, the network
/// in front of it, then the key pair, the image and what the console showed, then the ways in.
/// </summary>
public static class Ec2Analysis
{
    public static Ec2Diagnosis Analyze(Ec2Facts facts, Ec2Request request)
    {
        var f = new List<Finding>();
        var i = facts.Instance;

        // 1. State and status checks.
        var running = i.State == "running";
        var checksBad = facts.Status.Value is { } st && (Bad(st.System) || Bad(st.Instance));
        if (!running || checksBad)
            f.Add(Finding.Create(FindingId.EC2_NOT_RUNNING, Severity.Blocking,
                fix: i.State == "stopped" ? [Ec2Commands.StartInstance(request)] : checksBad && running ? [Ec2Commands.RebootInstance(request)] : null,
                args: [("instance", i.InstanceId), ("state", i.State), ("system", facts.Status.Value?.System ?? "-"), ("instance_check", facts.Status.Value?.Instance ?? "-")]));

        // 2. Network: route, security groups, network ACL.
        RouteResult? route = null;
        PortCheck? port = null;
        NaclCheck? nacl = null;
        var networkBlocks = false;
        string? address = null;
        if (facts.Network.Value is { } net)
        {
            route = RouteCheck.Evaluate(net.Routes, request.From, i.PublicIp, net.VpcCidrs);
            var viaPublic = route.Verdict != RouteVerdict.InsideVpc;
            address = viaPublic ? i.PublicIp : i.PrivateIp;
            switch (route.Verdict)
            {
                // A stopped instance has no public address yet: the start gives it one.
                case RouteVerdict.NoPublicAddress when running:
                    networkBlocks = true;
                    f.Add(Finding.Create(FindingId.EC2_NO_ROUTE, Severity.Blocking,
                        args: [("detail", "@ec2.route.no_public"), ("private", i.PrivateIp ?? "-"), ("from", request.From.ToString())]));
                    break;
                case RouteVerdict.NoRoute or RouteVerdict.OtherTarget:
                    networkBlocks = true;
                    f.Add(Finding.Create(FindingId.EC2_NO_ROUTE, Severity.Blocking,
                        args: [("detail", route.Verdict == RouteVerdict.NoRoute ? "@ec2.route.none" : "@ec2.route.other"), ("table", net.RouteTableId ?? "-"),
                            ("from", request.From.ToString()), ("target", route.Target ?? "-"), ("destination", route.Destination ?? "-")]));
                    break;
            }

            port = SecurityGroupCheck.Evaluate(net.SecurityGroupRules, request.Port, request.From, viaPublic);
            var groups = string.Join(", ", i.SecurityGroupIds);
            if (port.Verdict == PortVerdict.Closed)
            {
                networkBlocks = true;
                f.Add(Finding.Create(FindingId.EC2_PORT_CLOSED, Severity.Blocking,
                    fix: i.SecurityGroupIds.Count > 0 ? [Ec2Commands.OpenPort(request, i.SecurityGroupIds[0])] : null,
                    args: [("detail", "@ec2.sg.closed"), ("port", Num(request.Port)), ("from", request.From.ToString()), ("groups", groups), ("conditions", "-")]));
            }
            else if (port.Verdict == PortVerdict.Conditional)
                f.Add(Finding.Create(FindingId.EC2_PORT_CLOSED, Severity.Warning,
                    fix: i.SecurityGroupIds.Count > 0 ? [Ec2Commands.OpenPort(request, i.SecurityGroupIds[0])] : null,
                    args: [("detail", "@ec2.sg.conditional"), ("port", Num(request.Port)), ("from", request.From.ToString()), ("groups", groups),
                        ("conditions", string.Join(", ", port.Conditions))]));

            if (net.NetworkAclId is { } aclId && net.NetworkAcl.Count > 0)
            {
                nacl = NetworkAclCheck.Evaluate(net.NetworkAcl, request.Port, request.From);
                if (nacl.Inbound.Verdict == NaclVerdict.Deny)
                {
                    networkBlocks = true;
                    f.Add(NaclFinding(request, aclId, net.NetworkAcl, false, nacl.Inbound.Rule, "@ec2.nacl.inbound", Num(request.Port)));
                }
                if (nacl.DeniedEphemeralPorts.Count == NetworkAclCheck.EphemeralSamples.Length)
                {
                    networkBlocks = true;
                    f.Add(NaclFinding(request, aclId, net.NetworkAcl, true, nacl.Outbound.Rule, "@ec2.nacl.outbound", "1024-65535"));
                }
                else if (nacl.DeniedEphemeralPorts.Count > 0)
                    f.Add(NaclFinding(request, aclId, net.NetworkAcl, true, nacl.Outbound.Rule, "@ec2.nacl.outbound_some",
                        string.Join(", ", nacl.DeniedEphemeralPorts.Select(Num))) with { Severity = Severity.Warning });
            }
        }
        else address = i.PublicIp ?? i.PrivateIp;

        // 3. The image and its default users.
        var imageUsers = facts.Image.Value is { } img ? ImageUserTable.Resolve(img.Identity) : ImageUserTable.Resolve(new ImageIdentity(null, null, null, null, i.PlatformDetails, i.ProductCodes));
        if (imageUsers is not null && facts.Image.Value is { } im)
        {
            var sourceKey = imageUsers.Source switch
            {
                ImageUserSource.Owner => "@ec2.image_source.owner",
                ImageUserSource.ProductCode => "@ec2.image_source.product_code",
                ImageUserSource.Name => "@ec2.image_source.name",
                _ => "@ec2.image_source.platform",
            };
            var differs = request.User is { } u && !imageUsers.Users.Contains(u);
            f.Add(Finding.Create(FindingId.CLOUD_DEFAULT_USER, differs ? Severity.Warning : Severity.Info, user: imageUsers.Users[0],
                args: [("source", sourceKey), ("image", im.ImageId), ("distribution", imageUsers.Distribution), ("users", string.Join(", ", imageUsers.Users))]));
        }
        if (facts.Image.Value is { Found: true } image && image.Identity.OwnerId is { } imageOwner && i.OwnerId is { } owner
            && imageOwner != owner && imageUsers?.Source is not (ImageUserSource.Owner or ImageUserSource.ProductCode))
            f.Add(Finding.Create(FindingId.EC2_IMAGE_SHARED, Severity.Warning,
                args: [("image", image.ImageId), ("name", image.Identity.Name ?? "-"), ("image_owner", imageOwner), ("owner", owner)]));

        // 4. The key pair against the local key.
        KeyPairMatch? match = null;
        if (request.Key is { } key && facts.KeyPair.Value is { } pair)
            match = KeyPairComparison.Compare(pair, key);

        // 5. The console: which keys cloud-init installed, for whom.
        string? installedFor = null;
        var consoleUsers = new List<string>();
        if (facts.Console.Value is { } console)
        {
            foreach (var table in console.Parsed.Users)
            {
                consoleUsers.Add(table.User);
                var localPrint = request.Key is { } k ? KeyPairComparison.CloudInitFingerprint(k.Public, table.Hash) : null;
                var hasLocal = localPrint is not null && table.Keys.Any(x => string.Equals(x.Fingerprint, localPrint, StringComparison.OrdinalIgnoreCase));
                if (hasLocal) installedFor ??= table.User;
                var state = request.Key is null ? "@ec2.console.no_local_key" : hasLocal ? "@ec2.console.local_in" : "@ec2.console.local_out";
                f.Add(Finding.Create(FindingId.EC2_CONSOLE_KEYS, Severity.Info, path: table.File, user: table.User,
                    args: [("count", Num(table.Keys.Count)), ("file", table.File ?? "-"),
                        ("fingerprints", table.Keys.Count == 0 ? "-" : string.Join(", ", table.Keys.Select(x => $"{x.Type} {x.Fingerprint}" + (x.Comment is "-" or "" ? "" : $" ({x.Comment})")))),
                        ("state", state), ("hash", table.Hash)]));
            }
            foreach (var r in console.Parsed.Repairs)
                f.Add(Finding.Create(FindingId.EC2_CONSOLE_KEYS, Severity.Info,
                    args: [("count", "0"), ("file", "-"), ("fingerprints", "-"), ("hash", "-"), ("state", "@ec2.console.repair_report"),
                        ("run", r.Run), ("result", r.Result), ("changed", Num(r.Changed)), ("mode", r.Mode)]));
            foreach (var e in console.Parsed.Errors)
                f.Add(Finding.Create(FindingId.EC2_CONSOLE_KEYS, Severity.Warning,
                    args: [("count", "0"), ("file", "-"), ("fingerprints", "-"), ("hash", "-"), ("state", "@ec2.console.error"), ("line", e)]));
        }

        if (match is { Matches: false } m && request.Key is { } lk && facts.KeyPair.Value is { } kp)
        {
            var comparable = m.Local.FirstOrDefault(x => x.Form == FormOf(kp)) ?? m.Local[0];
            f.Add(Finding.Create(FindingId.EC2_KEY_PAIR_OTHER, installedFor is null ? Severity.Blocking : Severity.Warning,
                args: [("pair", kp.Name), ("pair_fingerprint", m.PairFingerprint.Length == 0 ? "-" : m.PairFingerprint), ("key", lk.Path),
                    ("local_fingerprint", comparable.Value), ("form", "@ec2.form." + comparable.Form.Replace('-', '_'))]));
        }

        if (installedFor is not null && request.User is { } asked && asked != installedFor)
            f.Add(Finding.Create(FindingId.WRONG_USERNAME, Severity.Blocking, user: installedFor, args: [("user", installedFor)]));

        // 6. The ways in that exist now.
        AccessPaths(f, facts);

        // 7. What could not be seen.
        foreach (var failure in facts.Failures.Where(x => x.Kind == AwsFailureKind.PermissionDenied))
            f.Add(Finding.Create(FindingId.EC2_PERMISSION, Severity.Warning, args: [("action", failure.Action), ("code", failure.Code ?? "-")]));

        var candidates = new List<string>();
        if (request.User is { } given) candidates.Add(given);
        if (installedFor is not null) candidates.Add(installedFor);
        candidates.AddRange(consoleUsers);
        if (imageUsers is not null) candidates.AddRange(imageUsers.Users);
        return new Ec2Diagnosis(Order(f), imageUsers, candidates.Distinct().ToList(), address, match, port, nacl, route, networkBlocks, installedFor);
    }

    private static void AccessPaths(List<Finding> f, Ec2Facts facts)
    {
        var i = facts.Instance;
        if (facts.Ssm.Value is { } ssm)
            f.Add(Path("ssm", ssm.PingStatus switch
            {
                "Online" => "@ec2.access.ssm.online",
                null => "@ec2.access.ssm.unregistered",
                _ => "@ec2.access.ssm.offline",
            }, ("ping", ssm.PingStatus ?? "-")));
        var nitro = facts.InstanceType.Value?.Nitro;
        if (facts.SerialConsole.Value is { } serial)
            f.Add(Path("serial", !serial.Enabled ? "@ec2.access.serial.disabled" : nitro == false ? "@ec2.access.serial.not_nitro" : "@ec2.access.serial.ready",
                ("type", i.InstanceType)));
        f.Add(Path("userdata", "@ec2.access.userdata"));
        if (facts.InstanceType.Value is { InstanceStoreDisks: > 0 } t)
            f.Add(Path("userdata", "@ec2.access.stop.instance_store", ("disks", Num(t.InstanceStoreDisks)), ("gb", t.InstanceStoreGb.ToString(System.Globalization.CultureInfo.InvariantCulture))) with { Severity = Severity.Warning });
        if (i.PublicIp is { } ip && !i.ElasticIp)
            f.Add(Path("userdata", "@ec2.access.stop.public_ip", ("ip", ip)) with { Severity = Severity.Warning });
        if (i.AutoScalingGroup is { } asg)
            f.Add(Path("userdata", "@ec2.access.stop.asg", ("asg", asg)) with { Severity = Severity.Warning });
        if (facts.RootVolume.Value is { } v)
            f.Add(Path("rescue", v.Encrypted ? "@ec2.access.rescue.encrypted" : "@ec2.access.rescue.plain", ("volume", v.VolumeId), ("kms", v.KmsKeyId ?? "-")));
    }

    private static Finding Path(string path, string detail, params (string, string)[] more) =>
        Finding.Create(FindingId.EC2_ACCESS_PATHS, Severity.Info, args: [("path", path), ("detail", detail), .. more]);

    private static Finding NaclFinding(Ec2Request r, string aclId, IReadOnlyList<NaclEntry> entries, bool egress, int? rule, string direction, string ports)
    {
        var free = FreeRuleBelow(entries, egress, rule ?? 32767);
        var fix = free is { } n
            ? [egress ? Ec2Commands.AllowNacl(r, aclId, true, n, 1024, 65535) : Ec2Commands.AllowNacl(r, aclId, false, n, r.Port, r.Port)]
            : Array.Empty<string>();
        return Finding.Create(FindingId.EC2_NACL_DENIES, Severity.Blocking, fix: fix,
            args: [("acl", aclId), ("direction", direction), ("rule", rule is { } x ? Num(x) : "*"), ("ports", ports), ("from", r.From.ToString())]);
    }

    /// <summary>An unused rule number just below the one that denies, so the new allow is evaluated first.</summary>
    private static int? FreeRuleBelow(IReadOnlyList<NaclEntry> entries, bool egress, int deny)
    {
        var used = entries.Where(e => e.Egress == egress).Select(e => e.RuleNumber).ToHashSet();
        for (var n = Math.Min(deny - 1, 32766); n >= 1; n--)
            if (!used.Contains(n)) return n;
        return null;
    }

    private static string FormOf(KeyPairFacts pair) => pair.KeyType == "ed25519" ? "ed25519"
        : pair.Fingerprint is { Length: 47 } ? "rsa-imported" : "rsa-created";

    private static bool Bad(string? check) => check == "impaired";

    private static string Num(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Blocking first, then warnings, then information; within each, the order they were found.</summary>
    private static List<Finding> Order(List<Finding> f) =>
        [.. f.Select((x, n) => (x, n)).OrderBy(p => p.x.Severity switch { Severity.Blocking => 0, Severity.Warning => 1, _ => 2 }).ThenBy(p => p.n).Select(p => p.x)];
}
