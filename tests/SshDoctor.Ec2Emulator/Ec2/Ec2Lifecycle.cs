using SshDoctor.Ec2Emulator.Http;
using SshDoctor.Ec2Emulator.Instances;
using static SshDoctor.Ec2Emulator.Ec2.Ec2Xml;

namespace SshDoctor.Ec2Emulator.Ec2;

/// <summary>StopInstances, StartInstances, GetConsoleOutput, Describe/ModifyInstanceAttribute (userData), GetSerialConsoleAccessStatus.</summary>
internal sealed partial class Ec2Api
{
    /// <summary>EC2 returns at most the last 64 KB of console output.</summary>
    private const int ConsoleLimit = 64 * 1024;

    private object?[] StopInstances(Ec2Query q)
    {
        var selected = Selected(q);
        if (q.List("InstanceId").Count == 0) throw ApiError.Ec2("MissingParameter", "The request must contain the parameter InstanceId");
        var force = q.Bool("Force");
        // EC2 checks every instance before changing any.
        foreach (var i in selected)
            if (i.State == InstanceState.Pending && !force)
                throw ApiError.Ec2("IncorrectInstanceState", $"The instance '{i.InstanceId}' is not in a state from which it can be stopped.");
        var changes = selected.Select(i => (i, i.Stop(force))).ToList();
        return [E("instancesSet", changes.Select(c => E("item", E("instanceId", c.i.InstanceId),
            StateXml("currentState", c.Item2.Current), StateXml("previousState", c.Item2.Previous))).Cast<object>().ToArray())];
    }

    private object?[] StartInstances(Ec2Query q)
    {
        var selected = Selected(q);
        if (q.List("InstanceId").Count == 0) throw ApiError.Ec2("MissingParameter", "The request must contain the parameter InstanceId");
        foreach (var i in selected)
            if (i.State is InstanceState.Stopping or InstanceState.ShuttingDown or InstanceState.Terminated)
                throw ApiError.Ec2("IncorrectInstanceState", $"The instance '{i.InstanceId}' is not in a state from which it can be started.");
        var changes = selected.Select(i => (i, i.Start())).ToList();
        return [E("instancesSet", changes.Select(c => E("item", E("instanceId", c.i.InstanceId),
            StateXml("currentState", c.Item2.Current), StateXml("previousState", c.Item2.Previous))).Cast<object>().ToArray())];
    }

    private object?[] GetConsoleOutput(Ec2Query q)
    {
        var i = One(q);
        var bytes = i.ConsoleBytes;
        if (bytes.Length > ConsoleLimit) bytes = bytes[^ConsoleLimit..];
        return [E("instanceId", i.InstanceId), E("timestamp", DateTime.UtcNow), bytes.Length > 0 ? E("output", Convert.ToBase64String(bytes)) : null];
    }

    private object?[] DescribeInstanceAttribute(Ec2Query q)
    {
        var i = One(q);
        var attribute = q.Required("Attribute");
        object? value = attribute switch
        {
            "userData" => i.UserData is { Length: > 0 } data ? E("userData", E("value", Convert.ToBase64String(data))) : E("userData"),
            "instanceType" => E("instanceType", E("value", i.Spec.InstanceType)),
            "rootDeviceName" => E("rootDeviceName", E("value", i.Image.RootDeviceName)),
            "disableApiStop" => E("disableApiStop", E("value", false)),
            "disableApiTermination" => E("disableApiTermination", E("value", false)),
            "instanceInitiatedShutdownBehavior" => E("instanceInitiatedShutdownBehavior", E("value", "stop")),
            _ => throw ApiError.Ec2("InvalidParameterValue", $"Value ({attribute}) for parameter attribute is invalid. Unknown attribute."),
        };
        return [E("instanceId", i.InstanceId), value];
    }

    private object?[] ModifyInstanceAttribute(Ec2Query q)
    {
        var i = One(q);
        var encoded = q.Get("UserData.Value") ?? (q.Get("Attribute") == "userData" ? q.Get("Value") ?? "" : null);
        if (encoded is null)
            throw ApiError.Ec2("UnsupportedOperation", "This EC2 emulator changes only the userData attribute with ModifyInstanceAttribute.");
        byte[] data;
        try { data = Convert.FromBase64String(encoded); }
        catch (FormatException) { throw ApiError.Ec2("InvalidParameterValue", "Invalid BASE64 encoding of user data."); }
        if (data.Length > 16 * 1024)
            throw ApiError.Ec2("InvalidParameterValue", "User data is limited to 16384 bytes");
        i.SetUserData(data);
        return [E("return", true)];
    }

    private object?[] GetSerialConsoleAccessStatus(Ec2Query q) =>
        [E("serialConsoleAccessEnabled", State.Options.SerialConsoleAccessEnabled), E("managedBy", "account")];
}
