using System.CommandLine;
using System.Text.RegularExpressions;
using SshDoctor.Aws.Clients;
using SshDoctor.Aws.Ec2;
using SshDoctor.Cli.Output;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Commands;

/// <summary>
/// `sshdoctor ec2 INSTANCE-ID`: the diagnosis through the AWS API (read-only). The repair subcommands (`ec2 fix`,
/// `ec2 undo`) live in their own files and join the group through <see cref="AttachSubcommands"/>.
/// </summary>
internal static partial class Ec2Command
{
    /// <summary>Implemented by the file that defines `ec2 fix` / `ec2 undo`; without it the group has no subcommands.</summary>
    static partial void AttachSubcommands(Command group, CliIo io);

    public static Command Create(CliIo io)
    {
        var common = new CommonOptions();
        var instance = new Argument<string>("instance-id") { Description = "The instance ID (i-0123456789abcdef0)." };
        var identity = new Option<string?>("--identity", "-i") { Description = "Your key file (private or .pub)." };
        var user = new Option<string?>("--user") { Description = "The user you log in as (default: the image's default user)." };
        var profile = new Option<string?>("--profile") { Description = "AWS profile (default: AWS_PROFILE, else default)." };
        var region = new Option<string?>("--region") { Description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's)." };
        var from = new Option<string?>("--from") { Description = "Your address or CIDR range (default: any address)." };
        var port = new Option<int>("--port") { Description = "The SSH port (default 22).", DefaultValueFactory = _ => 22 };
        var noProbe = new Option<bool>("--no-probe") { Description = "Only the API: do not connect to the instance." };

        var command = new Command("ec2", "Diagnose an EC2 instance through the AWS API, without logging in.");
        command.Arguments.Add(instance);
        foreach (var o in new Option[] { identity, user, profile, region, from, port, noProbe }) command.Options.Add(o);
        common.AddTo(command);
        AttachSubcommands(command, io);

        command.SetAction(async (result, ct) =>
        {
            var m = common.MessagesFor(result);
            var json = result.GetValue(common.Json);
            var id = result.GetValue(instance) ?? "";
            if (!InstanceId().IsMatch(id)) throw new UsageException(m.Get("ec2.error.bad_instance_id", ("value", id)), "bad_instance_id");
            var fromText = result.GetValue(from);
            var client = fromText is null ? ClientAddress.Unknown
                : ClientAddress.Parse(fromText) ?? throw new UsageException(m.Get("err.from_invalid", ("value", fromText)), "bad_from");
            var sshPort = result.GetValue(port);
            if (sshPort is < 1 or > 65535) throw new UsageException(m.Get("ec2.error.bad_port"), "bad_port");
            var key = result.GetValue(identity) is { } path ? LoadKey(path, m) : null;
            var request = new Ec2Request(id, result.GetValue(user), key, client, sshPort, result.GetValue(profile), result.GetValue(region));

            AwsClients aws;
            try
            {
                aws = AwsClientFactory.Create(new AwsOptions(request.Profile, request.Region));
            }
            catch (AwsSetupException e)
            {
                var (exit, errorId, message) = AwsErrorText.Setup(e, m);
                if (exit == ExitCodes.Usage) throw new UsageException(message, errorId);
                return Fail(io, json, exit, errorId, message);
            }
            using (aws)
            {
                try
                {
                    var outcome = await Ec2Doctor.RunAsync(aws, request, result.GetValue(noProbe) ? null : Ec2Doctor.DefaultProbe, ct);
                    if (json) Ec2JsonOutput.Write(io.Out, outcome, request, aws, m);
                    else Ec2Rendering.Write(io.Out, outcome, request, aws, m);
                    return ExitCode(outcome);
                }
                catch (AwsCallException e) when (e.Failure.Kind == AwsFailureKind.PermissionDenied)
                {
                    // Nothing else can be seen without the instance: the finding alone, exit 3.
                    var finding = Core.Findings.Finding.Create(Core.Findings.FindingId.EC2_PERMISSION, Core.Findings.Severity.Warning,
                        args: [("action", e.Failure.Action), ("code", e.Failure.Code ?? "-")]);
                    if (json) Ec2JsonOutput.WriteDenied(io.Out, request, aws, finding, m);
                    else
                    {
                        FindingTextRenderer.Write(io.Out, [finding], m);
                        io.Err.WriteLine("sshdoctor: " + Core.Text.TerminalText.Escape(AwsErrorText.Message(e.Failure, m)));
                    }
                    return ExitCodes.Undecided;
                }
                catch (AwsCallException e)
                {
                    var (exit, errorId, message) = AwsErrorText.Call(e.Failure, m, id, aws.Region.SystemName);
                    if (exit == ExitCodes.Usage) throw new UsageException(message, errorId);
                    return Fail(io, json, exit, errorId, message);
                }
            }
        });
        return command;
    }

    /// <summary>1 when something blocks; 3 when a call failed (a permission denied, throttling) or nothing decided; else 0.</summary>
    internal static int ExitCode(Ec2Result r)
    {
        if (r.Blocking) return ExitCodes.Blocking;
        if (r.Failures.Count > 0 || r.Next == Ec2NextStep.Undecided) return ExitCodes.Undecided;
        return ExitCodes.Ok;
    }

    private static int Fail(CliIo io, bool json, int exit, string id, string message)
    {
        io.Err.WriteLine("sshdoctor: " + Core.Text.TerminalText.Escape(message));
        if (json)
            JsonOut.Write(io.Out, new ErrorJson("sshdoctor", 1, "ec2", new ErrorBodyJson(id, message), exit), ErrorJsonContext.Relaxed.ErrorJson);
        return exit;
    }

    private static LocalKey LoadKey(string path, Messages m)
    {
        try
        {
            var info = KeyFile.Load(path);
            var pub = info.Public ?? throw new UsageException(m.Get("ec2.error.key_no_public", ("path", path)), "key_unreadable");
            return new LocalKey(path, pub, info.Private);
        }
        catch (KeyFormatException e)
        {
            throw new UsageException(m.Get("err.key_unreadable", ("path", path), ("reason", e.Localized(m).TrimEnd('.', '。'))), "key_unreadable");
        }
        catch (IOException e)
        {
            throw new UsageException(m.Get("err.key_unreadable", ("path", path), ("reason", e.Message)), "key_unreadable");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UsageException(m.Get("err.key_unreadable", ("path", path), ("reason", e.Message)), "key_unreadable");
        }
    }

    [GeneratedRegex("^i-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex InstanceId();
}
