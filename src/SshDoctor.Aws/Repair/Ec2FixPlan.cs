namespace SshDoctor.Aws.Repair;

public enum FixVia { Ssm, Userdata }

/// <summary>
/// What `ec2 fix` will do, shown before anything changes: the steps in order, what a stop costs, and why the run is
/// refused when it is (instance-store volumes or an Auto Scaling group for the user-data path, unless --force).
/// </summary>
public sealed record Ec2FixPlan(string InstanceId, FixVia Via, string User, string? KeyLine, InstanceRepairFacts Facts,
    IReadOnlyList<FixEvent> Steps, IReadOnlyList<FixEvent> Costs, IReadOnlyList<FixEvent> Refusals)
{
    public static Ec2FixPlan Build(string instanceId, FixVia via, string user, string? keyLine, InstanceRepairFacts facts, bool force)
    {
        var steps = new List<FixEvent>();
        var costs = new List<FixEvent>();
        var refusals = new List<FixEvent>();
        (string, string)[] id = [("instance", instanceId), ("user", user)];
        if (via == FixVia.Ssm)
        {
            if (!facts.Running) refusals.Add(new FixEvent("ec2fix.refuse.ssm_not_running", ("instance", instanceId), ("state", facts.State)));
            steps.Add(new FixEvent("ec2fix.step.ssm_send", id));
            steps.Add(new FixEvent("ec2fix.step.ssm_wait", id));
            steps.Add(new FixEvent("ec2fix.step.ssm_backups", id));
            return new Ec2FixPlan(instanceId, via, user, keyLine, facts, steps, costs, refusals);
        }

        if (facts.RootDeviceType == "instance-store")
            refusals.Add(new FixEvent("ec2fix.refuse.instance_store_root", id));
        else if (facts.InstanceStore && !force)
            refusals.Add(new FixEvent("ec2fix.refuse.instance_store", id));
        if (facts.AutoScalingGroup is { } asg && !force)
            refusals.Add(new FixEvent("ec2fix.refuse.asg", ("instance", instanceId), ("group", asg)));
        if (!facts.Running && !facts.Stopped)
            refusals.Add(new FixEvent("ec2fix.refuse.state", ("instance", instanceId), ("state", facts.State)));

        steps.Add(new FixEvent("ec2fix.step.save", id));
        if (!facts.Stopped) steps.Add(new FixEvent("ec2fix.step.stop", id));
        steps.Add(new FixEvent("ec2fix.step.set_repair", id));
        steps.Add(new FixEvent("ec2fix.step.start", id));
        steps.Add(new FixEvent("ec2fix.step.wait_report", id));
        steps.Add(new FixEvent("ec2fix.step.stop", id));
        steps.Add(new FixEvent("ec2fix.step.restore", id));
        steps.Add(new FixEvent(facts.Running ? "ec2fix.step.start" : "ec2fix.step.leave_stopped", id));

        costs.Add(new FixEvent(facts.Running ? "ec2fix.cost.two_stops" : "ec2fix.cost.one_boot", id));
        if (facts.PublicIp is { } ip && !facts.ElasticIp) costs.Add(new FixEvent("ec2fix.cost.public_ip", ("ip", ip)));
        if (facts.InstanceStore) costs.Add(new FixEvent("ec2fix.cost.instance_store", id));
        if (facts.AutoScalingGroup is { } g) costs.Add(new FixEvent("ec2fix.cost.asg", ("group", g)));
        return new Ec2FixPlan(instanceId, via, user, keyLine, facts, steps, costs, refusals);
    }
}
