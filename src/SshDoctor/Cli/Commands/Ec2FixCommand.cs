using System.CommandLine;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Amazon.EC2.Model;
using SshDoctor.Aws.Clients;
using SshDoctor.Aws.Ec2;
using SshDoctor.Aws.Repair;
using SshDoctor.Cli.Output;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Repair;

namespace SshDoctor.Cli.Commands;

/// <summary>
/// `sshdoctor ec2 fix INSTANCE-ID --via ssm|userdata`: the plan, the confirmation (user data: a stop and a start,
/// twice), then the journalled run (Aws/Repair/Ec2Fixer). `--resume` completes the last unfinished run.
/// </summary>
[UnsupportedOSPlatform("windows")]
public static partial class Ec2FixCommand
{
    public static Command Create(CliIo io)
    {
        var common = new CommonOptions();
        var instance = new Argument<string>("instance-id") { Description = "The instance ID (i-0123456789abcdef0)." };
        var via = new Option<string?>("--via") { Description = "How to reach the instance: ssm or userdata." };
        via.AcceptOnlyFromAmong("ssm", "userdata");
        var identity = new Option<string?>("--identity", "-i") { Description = "The key to authorize (private or .pub)." };
        var user = new Option<string?>("--user") { Description = "The user to repair (default: the image's default user)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the plan and change nothing." };
        var yes = new Option<bool>("--yes") { Description = "Go ahead without asking." };
        var resume = new Option<bool>("--resume") { Description = "Complete the last unfinished run of this instance." };
        var force = new Option<bool>("--force") { Description = "Use --via userdata even with instance-store volumes or in an Auto Scaling group." };
        var profile = new Option<string?>("--profile") { Description = "AWS profile." };
        var region = new Option<string?>("--region") { Description = "AWS region." };
        var command = new Command("fix",
            "Repair SSH key login on an EC2 instance through SSM or one user-data boot; every change journalled first.\n\n" +
            "Examples:\n" +
            "  sshdoctor ec2 fix i-0123456789abcdef0 --via userdata -i my-key.pem --dry-run\n" +
            "  sshdoctor ec2 fix i-0123456789abcdef0 --via ssm -i my-key.pem\n" +
            "  sshdoctor ec2 fix i-0123456789abcdef0 --via userdata -i my-key.pem --user ec2-user --yes\n" +
            "  sshdoctor ec2 fix i-0123456789abcdef0 --resume\n\n" +
            "Exit codes: 0 repaired, 1 the script refused, 2 bad input or not confirmed, 3 could not finish.");
        command.Arguments.Add(instance);
        foreach (var o in new Option[] { via, identity, user, dryRun, yes, resume, force, profile, region }) command.Options.Add(o);
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var m = common.MessagesFor(parse);
            var request = new Request(parse.GetValue(instance) ?? "", parse.GetValue(via), parse.GetValue(identity), parse.GetValue(user),
                parse.GetValue(dryRun), parse.GetValue(yes), parse.GetValue(resume), parse.GetValue(force), parse.GetValue(profile), parse.GetValue(region));
            return await RunAsync(request, parse.GetValue(common.Json), m, io, ct).ConfigureAwait(false);
        });
        return command;
    }

    public sealed record Request(string InstanceId, string? Via, string? KeyPath, string? User, bool DryRun, bool Yes, bool Resume, bool Force,
        string? Profile, string? Region);

    private static async Task<int> RunAsync(Request r, bool json, Messages m, CliIo io, CancellationToken ct)
    {
        ValidateInstance(r.InstanceId, m);
        if (!r.Resume && r.Via is null) throw new UsageException(m.Get("ec2fix.err.via_required"), "via_required");
        if (r.User is { } u && !UserdataDocument.IsValidUserName(u)) throw new UsageException(m.Get("ec2fix.err.user_invalid", ("user", u)), "user_invalid");
        var keyLine = r.KeyPath is null ? null : CheckCommand.LoadKey(r.KeyPath, m).OpenSshLine;
        var via = r.Via == "ssm" ? FixVia.Ssm : FixVia.Userdata;
        var run = new Ec2RunOutput(io, json, m, "ec2 fix", r.InstanceId);
        return await run.GuardAsync(async aws =>
        {
            var fixer = new Ec2Fixer(aws, Ec2FixTiming.Default, run.Progress);
            if (r.Resume)
            {
                var journal = Ec2Fixer.Unfinished(r.InstanceId)
                    ?? throw new UsageException(m.Get("ec2fix.err.nothing_to_resume", ("instance", r.InstanceId)), "nothing_to_resume");
                var resumed = await fixer.ContinueAsync(journal, ct).ConfigureAwait(false);
                return run.Finish(resumed, (string?)journal.First("begin")?["user"], null, r.DryRun);
            }
            if (Ec2Fixer.Unfinished(r.InstanceId) is { } earlier)
                throw new UsageException(m.Get("ec2fix.err.unfinished", ("instance", r.InstanceId), ("run", earlier.RunId)), "unfinished");

            var facts = await InstanceRepairFacts.GatherAsync(aws.Ec2, r.InstanceId, ct).ConfigureAwait(false);
            var userName = r.User ?? await DefaultUserAsync(aws, facts, ct).ConfigureAwait(false)
                ?? throw new UsageException(m.Get("ec2fix.err.no_user", ("instance", r.InstanceId)), "no_user");
            if (r.User is null && !json) io.Err.WriteLine("sshdoctor: " + m.Get("ec2fix.ui.user_default", ("user", userName)));
            var plan = Ec2FixPlan.Build(r.InstanceId, via, userName, keyLine, facts, r.Force);
            if (!json) Ec2FixRendering.WritePlan(r.DryRun || plan.Refusals.Count > 0 ? io.Out : io.Err, plan, m);
            if (plan.Refusals.Count > 0)
            {
                var reason = string.Join(" ", plan.Refusals.Select(x => Ec2FixRendering.Text(x, m)));
                return run.Error(ExitCodes.Usage, "refused", reason, plan);
            }
            if (r.DryRun) return run.Planned(plan);
            if (via == FixVia.Userdata && !r.Yes && !Confirm(io, m))
                return run.Error(ExitCodes.Usage, Console.IsInputRedirected ? "confirm_needed" : "not_confirmed",
                    Console.IsInputRedirected ? m.Get("ec2fix.err.confirm_needed") : m.Get("ec2fix.ui.aborted"), plan);
            var result = await fixer.FixAsync(plan, ct).ConfigureAwait(false);
            return run.Finish(result, userName, plan, false);
        }, new AwsOptions(r.Profile, r.Region)).ConfigureAwait(false);
    }

    /// <summary>The image's default user (ec2-diagnose's table), the likeliest first; null when the image is unknown.</summary>
    private static async Task<string?> DefaultUserAsync(AwsClients aws, InstanceRepairFacts facts, CancellationToken ct)
    {
        if (facts.ImageId is null) return null;
        var r = await AwsCall.Run("ec2:DescribeImages", c => aws.Ec2.DescribeImagesAsync(
            new DescribeImagesRequest { ImageIds = [facts.ImageId], IncludeDeprecated = true, IncludeDisabled = true }, c), ct).ConfigureAwait(false);
        var image = (r.Images ?? []).FirstOrDefault(x => x.ImageId == facts.ImageId);
        if (image is null) return null;
        var codes = (image.ProductCodes ?? []).Select(p => p.ProductCodeId).ToList();
        var users = ImageUserTable.Resolve(new ImageIdentity(image.OwnerId, image.ImageOwnerAlias, image.Name, image.Description, image.PlatformDetails, codes));
        return users?.Users.FirstOrDefault(UserdataDocument.IsValidUserName);
    }

    /// <summary>Asks on the terminal; false without one (then --yes is needed).</summary>
    private static bool Confirm(CliIo io, Messages m)
    {
        if (Console.IsInputRedirected) return false;
        io.Err.Write(m.Get("ec2fix.ui.confirm"));
        io.Err.Flush();
        var answer = Console.ReadLine()?.Trim().ToLowerInvariant();
        return answer is "y" or "yes" or "o" or "oui" or "s" or "sim" or "예" or "네" or "はい";
    }

    public static void ValidateInstance(string id, Messages m)
    {
        if (!InstanceIdPattern().IsMatch(id)) throw new UsageException(m.Get("ec2fix.err.bad_instance_id", ("value", id)), "bad_instance_id");
    }

    [GeneratedRegex("^i-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex InstanceIdPattern();
}
