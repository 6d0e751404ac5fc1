namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> RepairEn => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["userdata.err.user_invalid"] = "'{user}' is not a valid user name (letters, digits, '.', '_' and '-', at most 32 characters, not starting with '-' or a digit).",
        ["userdata.intro"] = "The user data is on stdout. At the next boot it repairs SSH key login for '{user}' on the instance (owners, modes, missing ~/.ssh or authorized_keys, damaged key lines) and writes a report to the serial console.",
        ["userdata.key"] = "Key it adds when missing: {type} {sha256} {comment}",
        ["userdata.nokey"] = "No --key given: the script repairs owners and modes and creates missing pieces, but adds no key.",
        ["userdata.warn.title"] = "Before you start:",
        ["userdata.warn.instance_store"] = "Stopping the instance erases all data on its instance store volumes. If the root device itself is an instance store volume, the instance cannot be stopped and this method does not apply.",
        ["userdata.warn.asg"] = "An instance in an Auto Scaling group (including those launched by Amazon EMR, CloudFormation or Elastic Beanstalk) may be terminated when it is stopped: detach it from the group or protect it from scale-in first.",
        ["userdata.warn.ip"] = "The public IPv4 address changes when the instance stops and starts, unless it is an Elastic IP address.",
        ["userdata.warn.cloudinit"] = "The image must run cloud-init (Amazon Linux, Ubuntu, Debian, RHEL and most cloud images do).",
        ["userdata.steps.title"] = "Steps:",
        ["userdata.step.stop"] = "Stop the instance (EC2 console: Instance state > Stop instance). Stop, do not terminate.",
        ["userdata.step.stop_cli"] = "Stop the instance: aws ec2 stop-instances --instance-ids {instance}",
        ["userdata.step.paste"] = "Select the instance, then Actions > Instance settings > Edit user data: paste the whole document exactly as printed, then Save.",
        ["userdata.step.aws"] = "Save the base64 output to {file}, then set it as the user data: aws ec2 modify-instance-attribute --instance-id {instance} --attribute userData --value file://{file}",
        ["userdata.step.start"] = "Start the instance (Instance state > Start instance).",
        ["userdata.step.start_cli"] = "Start the instance: aws ec2 start-instances --instance-ids {instance}",
        ["userdata.step.console"] = "Read the report (lines starting with sshdoctor:): aws ec2 get-console-output --instance-id {instance} --output text, or Actions > Monitor and troubleshoot > Get system log.",
        ["userdata.step.login"] = "Log in: ssh -i YOUR-PRIVATE-KEY {user}@PUBLIC-ADDRESS",
        ["userdata.step.remove"] = "Then remove the user data (stop the instance, Actions > Instance settings > Edit user data, clear the field, Save, start): until you do, it runs at every boot.",
    };
}
