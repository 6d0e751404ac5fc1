using SshDoctor.Core.Model;

namespace SshDoctor.Aws.Ec2;

/// <summary>The commands the diagnosis prints, shell-quoted (HostShell.Quote), with the run's --profile and --region carried over.</summary>
public static class Ec2Commands
{
    /// <summary>`sshdoctor ec2 fix i-… --via ssm|userdata --user U -i KEY` (the repair subcommand of ec2-repair).</summary>
    public static string Fix(Ec2Request r, string via, string? user) =>
        Join(["sshdoctor", "ec2", "fix", r.InstanceId, "--via", via, .. Opt("--user", user), .. Opt("-i", r.Key?.Path), .. Account(r, "--profile", "--region")]);

    public static string Ssh(Ec2Request r, string user, string address) =>
        Join(["ssh", .. Opt("-i", r.Key?.Path), .. (r.Port == 22 ? Array.Empty<string>() : ["-p", r.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]), user + "@" + address]);

    public static string StartInstance(Ec2Request r) =>
        Join(["aws", "ec2", "start-instances", "--instance-ids", r.InstanceId, .. Account(r, "--profile", "--region")]);

    public static string RebootInstance(Ec2Request r) =>
        Join(["aws", "ec2", "reboot-instances", "--instance-ids", r.InstanceId, .. Account(r, "--profile", "--region")]);

    /// <summary>The client's own address when --from was not given: asked of AWS's checkip service at paste time.</summary>
    public const string MyAddress = "\"$(curl -s https://checkip.amazonaws.com)/32\"";

    public static string OpenPort(Ec2Request r, string groupId) =>
        Join(["aws", "ec2", "authorize-security-group-ingress", "--group-id", groupId, "--protocol", "tcp", "--port", Port(r.Port)])
        + " --cidr " + Cidr(r) + Tail(r);

    public static string AllowNacl(Ec2Request r, string aclId, bool egress, int ruleNumber, int from, int to) =>
        Join(["aws", "ec2", "create-network-acl-entry", "--network-acl-id", aclId, egress ? "--egress" : "--ingress",
            "--rule-number", Port(ruleNumber), "--protocol", "tcp", "--port-range", $"From={from},To={to}", "--rule-action", "allow"])
        + " --cidr-block " + Cidr(r) + Tail(r);

    private static string Cidr(Ec2Request r) => r.From.Network is { } n ? HostShell.Quote(n.ToString()) : MyAddress;

    private static string Tail(Ec2Request r)
    {
        var account = Account(r, "--profile", "--region").ToList();
        return account.Count == 0 ? "" : " " + Join(account);
    }

    private static IEnumerable<string> Account(Ec2Request r, string profile, string region) =>
        [.. Opt(profile, r.Profile), .. Opt(region, r.Region)];

    private static string[] Opt(string name, string? value) => value is null ? [] : [name, value];

    private static string Port(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(w => HostShell.Quote(w)));
}
