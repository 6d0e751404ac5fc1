using SshDoctor.Aws.Repair;

namespace SshDoctor.Tests.Aws;

public sealed class Ec2FixPlanTests
{
    private static InstanceRepairFacts Facts(string state = "running", bool store = false, string? asg = null, string? ip = "203.0.113.7", bool eip = false, string root = "ebs") =>
        new("i-0123456789abcdef0", state, root, "t3.micro", store, asg, ip, eip, "ami-1");

    private static string[] Ids(IEnumerable<FixEvent> events) => [.. events.Select(e => e.TextId)];

    [Fact]
    public void Userdata_on_a_running_instance_stops_twice_and_says_what_it_costs()
    {
        var plan = Ec2FixPlan.Build("i-0123456789abcdef0", FixVia.Userdata, "ec2-user", null, Facts(), force: false);
        Assert.Empty(plan.Refusals);
        Assert.Equal(["ec2fix.step.save", "ec2fix.step.stop", "ec2fix.step.set_repair", "ec2fix.step.start", "ec2fix.step.wait_report",
            "ec2fix.step.stop", "ec2fix.step.restore", "ec2fix.step.start"], Ids(plan.Steps));
        Assert.Contains("ec2fix.cost.two_stops", Ids(plan.Costs));
        Assert.Contains("ec2fix.cost.public_ip", Ids(plan.Costs));
    }

    [Fact]
    public void A_stopped_instance_is_left_stopped_and_an_elastic_ip_costs_nothing()
    {
        var plan = Ec2FixPlan.Build("i-0123456789abcdef0", FixVia.Userdata, "admin", null, Facts("stopped", eip: true), force: false);
        Assert.Equal("ec2fix.step.save", plan.Steps[0].TextId);
        Assert.Equal("ec2fix.step.set_repair", plan.Steps[1].TextId);
        Assert.Equal("ec2fix.step.leave_stopped", plan.Steps[^1].TextId);
        Assert.DoesNotContain("ec2fix.cost.public_ip", Ids(plan.Costs));
    }

    [Theory]
    [InlineData(true, null, "ec2fix.refuse.instance_store")]
    [InlineData(false, "web-asg", "ec2fix.refuse.asg")]
    public void Instance_store_and_auto_scaling_are_refused_unless_forced(bool store, string? asg, string refusal)
    {
        Assert.Equal([refusal], Ids(Ec2FixPlan.Build("i-0123456789abcdef0", FixVia.Userdata, "u", null, Facts(store: store, asg: asg), force: false).Refusals));
        Assert.Empty(Ec2FixPlan.Build("i-0123456789abcdef0", FixVia.Userdata, "u", null, Facts(store: store, asg: asg), force: true).Refusals);
    }

    [Fact]
    public void An_instance_store_root_is_refused_even_with_force_and_ssm_needs_a_running_instance()
    {
        Assert.Contains("ec2fix.refuse.instance_store_root",
            Ids(Ec2FixPlan.Build("i-0123456789abcdef0", FixVia.Userdata, "u", null, Facts(root: "instance-store"), force: true).Refusals));
        Assert.Contains("ec2fix.refuse.ssm_not_running",
            Ids(Ec2FixPlan.Build("i-0123456789abcdef0", FixVia.Ssm, "u", null, Facts("stopped"), force: false).Refusals));
        Assert.Empty(Ec2FixPlan.Build("i-0123456789abcdef0", FixVia.Ssm, "u", null, Facts(store: true, asg: "g"), force: false).Refusals);
    }
}
