using System.CommandLine;
using SshDoctor.Cli.Output;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Repair;

namespace SshDoctor.Cli.Commands;

/// <summary>
/// `sshdoctor userdata`: prints a cloud-init user-data document (stdout) that repairs SSH key login for a user
/// at the instance's next boot, and the localized steps and warnings around it (stderr).
/// </summary>
public static class UserdataCommand
{
    /// <summary>Stands for the user's instance ID in the printed aws commands.</summary>
    public const string InstancePlaceholder = "INSTANCE_ID";
    public const string Base64File = "sshdoctor-userdata.b64";

    public static Command Create(CliIo io)
    {
        var common = new CommonOptions();
        var user = new Option<string>("--user") { Description = "The login name to repair (e.g. ec2-user, ubuntu, admin).", Required = true };
        var key = new Option<string?>("--key") { Description = "The key to authorize: a .pub line or a private key in any supported format (only its public half is used)." };
        var base64 = new Option<bool>("--base64") { Description = "Print the document base64-encoded (for aws ec2 modify-instance-attribute --attribute userData --value file://...)." };

        var command = new Command("userdata",
            "Print a cloud-init user-data document that repairs SSH key login for a user at the next boot (no access needed).\n\n" +
            "Examples:\n" +
            "  sshdoctor userdata --user ec2-user --key mykey.pem > userdata.txt\n" +
            "  sshdoctor userdata --user ubuntu --key ~/.ssh/id_ed25519.pub --base64 > userdata.b64\n\n" +
            "The document goes to stdout; the steps around it go to stderr. Exit codes: 0 printed, 2 bad input.");
        command.Options.Add(user);
        command.Options.Add(key);
        command.Options.Add(base64);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            var m = common.MessagesFor(parse);
            return Run(new Request(parse.GetValue(user)!, parse.GetValue(key), parse.GetValue(base64)), parse.GetValue(common.Json), m, io);
        });
        return command;
    }

    public sealed record Request(string User, string? KeyPath, bool Base64);

    public static int Run(Request request, bool json, Messages m, CliIo io)
    {
        if (!UserdataDocument.IsValidUserName(request.User))
            throw new UsageException(m.Get("userdata.err.user_invalid", ("user", request.User)));
        var key = request.KeyPath is null ? null : CheckCommand.LoadKey(request.KeyPath, m);

        var document = UserdataDocument.Build(request.User, key?.OpenSshLine);
        var encoded = UserdataDocument.ToBase64(document);
        var warnings = Warnings(m);
        var steps = Steps(request, m);

        if (json)
        {
            var keyJson = KeyJson.From(key);
            JsonOut.Write(io.Out, new UserdataJson("sshdoctor", 1, "userdata", request.User, keyJson, document, encoded, steps, warnings),
                UserdataJsonContext.Relaxed.UserdataJson);
            return ExitCodes.Ok;
        }

        if (request.Base64) io.Out.WriteLine(encoded);
        else io.Out.Write(document);
        io.Out.Flush();

        var err = io.Err;
        err.WriteLine();
        err.WriteLine(m.Get("userdata.intro", ("user", request.User)));
        err.WriteLine(key is null
            ? m.Get("userdata.nokey")
            : m.Get("userdata.key", ("type", key.Type), ("sha256", key.Sha256Fingerprint), ("comment", key.Comment)));
        err.WriteLine();
        err.WriteLine(m.Get("userdata.warn.title"));
        foreach (var w in warnings) err.WriteLine("  - " + w);
        err.WriteLine();
        err.WriteLine(m.Get("userdata.steps.title"));
        for (var i = 0; i < steps.Count; i++) err.WriteLine($"  {i + 1}. {steps[i]}");
        err.Flush();
        return ExitCodes.Ok;
    }

    public static IReadOnlyList<string> Warnings(Messages m) =>
    [
        m.Get("userdata.warn.instance_store"),
        m.Get("userdata.warn.asg"),
        m.Get("userdata.warn.ip"),
        m.Get("userdata.warn.cloudinit"),
    ];

    public static IReadOnlyList<string> Steps(Request request, Messages m)
    {
        (string, string)[] args = [("instance", InstancePlaceholder), ("file", Base64File), ("user", request.User)];
        return request.Base64
            ?
            [
                m.Get("userdata.step.stop_cli", args),
                m.Get("userdata.step.aws", args),
                m.Get("userdata.step.start_cli", args),
                m.Get("userdata.step.console", args),
                m.Get("userdata.step.login", args),
                m.Get("userdata.step.remove", args),
            ]
            :
            [
                m.Get("userdata.step.stop", args),
                m.Get("userdata.step.paste", args),
                m.Get("userdata.step.start", args),
                m.Get("userdata.step.console", args),
                m.Get("userdata.step.login", args),
                m.Get("userdata.step.remove", args),
            ];
    }
}
