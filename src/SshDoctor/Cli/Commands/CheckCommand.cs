using System.CommandLine;
using System.Net;
using SshDoctor.Cli.Output;
using SshDoctor.Core.AuthorizedKeys;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Model;

namespace SshDoctor.Cli.Commands;

/// <summary>`sshdoctor check`: would sshd accept this key for this user from this address, and if not, why.</summary>
public static class CheckCommand
{
    public static Command Create(CliIo io)
    {
        var common = new CommonOptions();
        var root = new Option<string>("--root") { Description = "The system to judge: / (default) or a root volume mounted on a rescue instance (e.g. /mnt/rescue).", DefaultValueFactory = _ => "/" };
        var user = new Option<string?>("--user") { Description = "The login name to check (default: the image's default user from cloud-init or /etc/os-release)." };
        var key = new Option<string?>("--key") { Description = "The key to check: a .pub line or a private key in any supported format (only its public half is used), or a certificate (id_ed25519-cert.pub). A private key with its -cert.pub beside it is checked as that certificate, as ssh presents it." };
        var from = new Option<string?>("--from") { Description = "Client IP address, to decide from=\"...\" key options and Match Address blocks." };
        var client = new Option<string?>("--client")
        {
            Description = "The SSH client that will log in, as NAME-VERSION: openssh-9.6, putty-0.74, winscp-5.17, paramiko-2.8, libssh2-1.10, sshnet-2020.0.2. " +
                          "An RSA key against a server that refuses ssh-rsa (SHA-1) is accepted from clients that sign with rsa-sha2 and refused from older ones " +
                          "(PuTTY < 0.75, WinSCP < 5.19, OpenSSH < 7.2, SSH.NET < 2023.0.0, libssh2 < 1.11, paramiko < 2.9); without --client that verdict is reported as a condition (CLIENT_CONDITION).",
        };
        var allUsers = new Option<bool>("--all-users") { Description = "Check every account with a login shell. With --key: which accounts accept the key." };
        var candidate = new Option<string[]>("--candidate")
        {
            Description = "A proposed file, judged before it is installed (repeatable): sshd_config replaces the main config, " +
                          "passwd/group/shadow the account files, any other name is a drop-in of that name under /etc/ssh/sshd_config.d/; " +
                          "FILE=/etc/ssh/... names the place. Lists who loses and who gains access, for every account and key; exit 1 when anyone loses. Never writes.",
            AllowMultipleArgumentsPerToken = false,
        };
        var showConfig = new Option<bool>("--show-config") { Description = "List every effective sshd value for the user's connection with where it comes from (file:line, drop-in, Match block, systemd unit -o, SSHD_OPTS, OPTIONS, crypto-policies back-end, compiled-in default)." };
        var format = new Option<string?>("--format") { Description = "Output: text (default), json (as --json) or jsonl (one JSON document on one line, for fleet reports)." };
        format.AcceptOnlyFromAmong("text", "json", "jsonl");

        var command = new Command("check",
            "Explain why sshd refuses (or accepts) a public key for a user, from the files alone.\n\n" +
            "Examples:\n" +
            "  sshdoctor check --user ec2-user --key ~/.ssh/id_ed25519.pub\n" +
            "  sshdoctor check --root /mnt/rescue --user ubuntu --key mykey.pem --from 203.0.113.7\n" +
            "  sshdoctor check --user ec2-user --key id_rsa.pub --client putty-0.74\n" +
            "  sshdoctor check --user ec2-user --key id_ed25519-cert.pub\n" +
            "  sshdoctor check --root /mnt/rescue --all-users --json\n" +
            "  sshdoctor check --root /mnt/rescue --user ec2-user --show-config\n" +
            "  sshdoctor check --all-users --candidate hardening.conf\n" +
            "  sshdoctor check --all-users --candidate new/sshd_config --format jsonl >> fleet.jsonl\n\n" +
            "Exit codes: 0 accepted, 1 refused (blocking findings), 2 bad input, 3 could not decide.");
        command.Options.Add(root);
        command.Options.Add(user);
        command.Options.Add(key);
        command.Options.Add(from);
        command.Options.Add(client);
        command.Options.Add(allUsers);
        command.Options.Add(candidate);
        command.Options.Add(showConfig);
        command.Options.Add(format);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            var m = common.MessagesFor(parse);
            var request = new Request(parse.GetValue(root)!, parse.GetValue(user), parse.GetValue(key), parse.GetValue(from), parse.GetValue(allUsers),
                parse.GetValue(candidate) ?? []) { Client = parse.GetValue(client), ShowConfig = parse.GetValue(showConfig) };
            var output = parse.GetValue(format) switch
            {
                "json" => OutputFormat.Json,
                "jsonl" => OutputFormat.JsonLines,
                "text" => OutputFormat.Text,
                _ => parse.GetValue(common.Json) ? OutputFormat.Json : OutputFormat.Text,
            };
            return Run(request, output, m, io);
        });
        return command;
    }

    public sealed record Request(string Root, string? User, string? KeyPath, string? From, bool AllUsers, IReadOnlyList<string>? Candidates = null)
    {
        public string? Client { get; init; }
        public bool ShowConfig { get; init; }
    }

    public static int Run(Request request, bool json, Messages m, CliIo io) =>
        Run(request, json ? OutputFormat.Json : OutputFormat.Text, m, io);

    public static int Run(Request request, OutputFormat output, Messages m, CliIo io)
    {
        if (request.User is not null && request.AllUsers) throw new UsageException(m.Get("err.user_and_all"));
        if (request.From is not null && !IPAddress.TryParse(request.From, out _))
            throw new UsageException(m.Get("err.from_invalid", ("value", request.From)));
        // sshd matches an IPv4 client connected over IPv6 as plain IPv4 (ipv64_normalise_mapped).
        if (request.From is not null && IPAddress.Parse(request.From) is { IsIPv4MappedToIPv6: true } mapped)
            request = request with { From = mapped.MapToIPv4().ToString() };
        var key = request.KeyPath is null ? null : LoadKey(request.KeyPath, m);
        ClientProfile? client = null;
        if (request.Client is { } c && (client = ClientProfile.Parse(c)) is null)
            throw new UsageException(m.Get("err.client_invalid", ("value", c)));

        if (TargetErrors.Load(request.Root, m, io) is not { } ctx) return TargetErrors.LastExitCode;

        var candidates = CandidateFiles.Load(request.Candidates ?? [], m);
        if (candidates.Count > 0)
            return CandidateCheck.Run(ctx, candidates, request.AllUsers ? null : [SingleUser(ctx, request.User, m)], key, request.From, output, m, io, client);

        var checker = new Checker(ctx) { Client = client };
        IEnumerable<string> users;
        if (request.AllUsers) users = checker.LoginAccounts();
        else users = [SingleUser(ctx, request.User, m)];

        var report = checker.Run(users, key, request.From);
        if (output == OutputFormat.Json) JsonOut.Write(io.Out, CheckRendering.ToJson(report, request.AllUsers, m, request.ShowConfig), CheckJsonContext.Relaxed.CheckJson);
        else if (output == OutputFormat.JsonLines) JsonOut.Write(io.Out, CheckRendering.ToJson(report, request.AllUsers, m, request.ShowConfig), CheckJsonContext.Compact.CheckJson);
        else CheckRendering.WriteText(io.Out, report, request.AllUsers, m, request.ShowConfig);
        return report.Verdict switch
        {
            Verdict.Accepted => ExitCodes.Ok,
            Verdict.Refused => ExitCodes.Blocking,
            _ => ExitCodes.Undecided,
        };
    }

    /// <summary>The certificate ssh would load next to a private key, when it is one for that key.</summary>
    private static Certificate? Beside(string privatePath)
    {
        CertificateFile.TryLoad(CertificateFile.BesidePrivateKey(privatePath), out var cert);
        return cert;
    }

    private static string SingleUser(TargetContext ctx, string? user, Messages m)
    {
        if (user is not null) return user;
        if (CloudDefaults.DefaultUser(ctx.Root, ctx.Os) is { } d && ctx.Accounts.ByName(d.User) is not null) return d.User;
        throw new UsageException(m.Get("err.user_required"));
    }

    public static PublicKey LoadKey(string path, Messages m)
    {
        try
        {
            if (CertificateFile.TryLoad(path, out var cert))
                return cert is not null
                    ? PublicKey.FromCertificate(cert)
                    : throw new UsageException(m.Get("err.certificate_invalid", ("path", path)));
            var info = KeyFile.Load(path);
            var key = info.IsPrivate && info.Public is { } pub && Beside(path) is { } c && c.Key.Equals(pub)
                ? PublicKey.FromCertificate(c)
                : info.Public ?? throw new UsageException(m.Get("err.key_unreadable", ("path", path), ("reason", "encrypted; give the .pub file")));
            // The key line is written into authorized_keys and into printed commands: one clean line or nothing.
            AuthorizedKeyText.RequireOneLine(key.OpenSshLine);
            return key;
        }
        catch (KeyFormatException e)
        {
            throw new UsageException(m.Get("err.key_unreadable", ("path", path), ("reason", e.Localized(m).TrimEnd('.', '。'))));
        }
    }
}
