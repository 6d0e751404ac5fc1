using System.CommandLine;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Amazon.SimpleSystemsManagement.Model;
using Command = System.CommandLine.Command;
using SshDoctor.Aws.Clients;
using SshDoctor.Cli.Output;
using SshDoctor.Cli.Ssm;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Commands;

/// <summary>
/// `sshdoctor ssm compliance FILE|- --type Custom:NAME [--instance-id ID]`: the JSON of `sshdoctor check --json` as one
/// PutComplianceItems call (ResourceType ManagedInstance, a COMPLETE upload: it replaces the type's earlier items).
/// Items and severities: <see cref="ComplianceMapping"/>.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static partial class SsmComplianceCommand
{
    public const string Action = "ssm:PutComplianceItems";
    public const int MaxInput = 64 * 1024 * 1024;

    [GeneratedRegex("^Custom:[A-Za-z0-9 _.:/=+@-]{1,100}$")]
    public static partial Regex ComplianceType();

    public static Command Create(CliIo io)
    {
        var common = new CommonOptions();
        var file = new Argument<string>("file") { Description = "The JSON of sshdoctor check --json (- for standard input)." };
        var type = new Option<string>("--type") { Description = "The compliance type: Custom:NAME (NAME: 1 to 100 of letters, digits, spaces, _.:/=+@-).", Required = true };
        var instance = new Option<string?>("--instance-id") { Description = "The managed instance (default: AWS_SSM_INSTANCE_ID, which the SSM agent sets)." };
        var profile = new Option<string?>("--profile") { Description = "AWS profile." };
        var region = new Option<string?>("--region") { Description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's, the instance's)." };
        var command = new Command("compliance", "Send the result of sshdoctor check as SSM compliance items of the instance (needs ssm:PutComplianceItems).");
        command.Arguments.Add(file);
        foreach (var o in new Option[] { type, instance, profile, region }) command.Options.Add(o);
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var m = common.MessagesFor(parse);
            var complianceType = parse.GetValue(type) ?? "";
            if (!ComplianceType().IsMatch(complianceType)) throw new UsageException(m.Get("ssm.err.bad_type", ("value", complianceType)), "bad_type");
            var id = ResolveInstance(parse.GetValue(instance), Environment.GetEnvironmentVariable("AWS_SSM_INSTANCE_ID"), m);
            var path = parse.GetValue(file) ?? "-";
            var shown = path == "-" ? "-" : path;
            IReadOnlyList<ComplianceEntry> items;
            try
            {
                items = ComplianceMapping.FromCheckJson(Read(path, shown, m), m);
            }
            catch (ComplianceInputException e)
            {
                throw new UsageException(m.Get(e.TextId, ("file", shown), ("detail", e.Detail)), e.TextId == "ssm.err.input_error" ? "input_error" : "bad_input");
            }
            return await SsmCommand.GuardAsync(io, m, new AwsOptions(parse.GetValue(profile), parse.GetValue(region)), id, async aws =>
            {
                await AwsCall.Run(Action, c => aws.Ssm.PutComplianceItemsAsync(Request(id, complianceType, items, DateTime.UtcNow), c), ct).ConfigureAwait(false);
                var nonCompliant = items.Count(i => i.Status == "NON_COMPLIANT");
                if (parse.GetValue(common.Json))
                    JsonOut.Write(io.Out, new SsmComplianceJson("sshdoctor", 1, "ssm compliance", id, complianceType, "sent", nonCompliant == 0,
                        [.. items.Select(i => new SsmComplianceItemJson(i.Id, i.Severity, i.Status, i.Title, i.Finding, i.User))], ExitCodes.Ok),
                        SsmJsonContext.Relaxed.SsmComplianceJson);
                else
                    io.Out.WriteLine(m.Get("ssm.ui.sent", ("count", items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("instance", id),
                        ("type", complianceType), ("noncompliant", nonCompliant.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                return ExitCodes.Ok;
            }).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>--instance-id, else AWS_SSM_INSTANCE_ID (set by the SSM agent for the commands it runs), else exit 2 saying which to give.</summary>
    public static string ResolveInstance(string? option, string? environment, Messages m)
    {
        var id = !string.IsNullOrEmpty(option) ? option : !string.IsNullOrEmpty(environment) ? environment : null;
        if (id is null) throw new UsageException(m.Get("ssm.err.no_instance"), "no_instance_id");
        if (!SsmCommand.InstanceId().IsMatch(id)) throw new UsageException(m.Get("ssm.err.bad_instance", ("value", id)), "bad_instance_id");
        return id;
    }

    private static string Read(string path, string shown, Messages m)
    {
        try
        {
            using var stream = path == "-" ? CliInput.OpenStdin() : File.OpenRead(path);
            using var limited = new StreamReader(stream, System.Text.Encoding.UTF8);
            var buffer = new char[MaxInput + 1];
            var total = 0;
            int n;
            while (total <= MaxInput && (n = limited.Read(buffer, total, buffer.Length - total)) > 0) total += n;
            if (total > MaxInput) throw new UsageException(m.Get("ssm.err.read", ("file", shown), ("detail", $"more than {MaxInput} characters")), "bad_input");
            return new string(buffer, 0, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(m.Get("ssm.err.read", ("file", shown), ("detail", e.Message)), "bad_input");
        }
    }

    public static PutComplianceItemsRequest Request(string instance, string type, IReadOnlyList<ComplianceEntry> items, DateTime now) => new()
    {
        ResourceId = instance,
        ResourceType = "ManagedInstance",
        ComplianceType = type,
        UploadType = "COMPLETE",
        ExecutionSummary = new ComplianceExecutionSummary { ExecutionTime = now, ExecutionType = "Command" },
        Items = [.. items.Take(10000).Select(i => new ComplianceItemEntry
        {
            Id = i.Id,
            Title = i.Title,
            Severity = i.Severity,
            Status = i.Status,
            Details = Details(i),
        })],
    };

    private static Dictionary<string, string> Details(ComplianceEntry i)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal) { ["finding"] = i.Finding };
        if (i.User is not null) d["user"] = i.User;
        if (i.Path is not null) d["path"] = i.Path;
        return d;
    }
}
