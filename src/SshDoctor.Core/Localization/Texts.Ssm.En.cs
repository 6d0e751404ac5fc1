namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> SsmEn => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ssm.item.nothing"] = "sshdoctor check found nothing to report.",
        ["ssm.item.loses_all"] = "{user} loses all SSH access with the candidate configuration.",
        ["ssm.ui.sent"] = "Sent {count} compliance items for {instance} as {type}: {noncompliant} non-compliant.",
        ["ssm.ui.parameter_written"] = "Wrote the parameter {name} (version {version}) to {file} (mode 0600); judge it with: sshdoctor check --all-users --candidate {file}",
        ["ssm.err.no_instance"] = "No instance ID: give --instance-id, or run under the SSM agent (it sets AWS_SSM_INSTANCE_ID).",
        ["ssm.err.bad_instance"] = "Not a managed instance ID: {value} (expected i- or mi- and 8 or 17 hexadecimal digits).",
        ["ssm.err.bad_type"] = "Not a custom compliance type: {value} (expected Custom:NAME, NAME being 1 to 100 letters, digits, spaces or _.:/=+@-).",
        ["ssm.err.input"] = "{file} is not the JSON of sshdoctor check --json: {detail}",
        ["ssm.err.input_error"] = "{file} is an sshdoctor error document, not a result ({detail}).",
        ["ssm.err.read"] = "Cannot read {file}: {detail}",
        ["ssm.err.bad_name"] = "Not a parameter name: {value} (letters, digits and _.-/ only).",
        ["ssm.err.file_exists"] = "{file} already exists: sshdoctor ssm parameter only writes a new file (remove it or choose another name).",
        ["ssm.err.write"] = "Cannot write {file}: {detail}",
        ["ssm.err.parameter_not_found"] = "The parameter {name} does not exist in this region (ssm:GetParameter answered ParameterNotFound).",
        ["help.ssm"] = "Report sshdoctor check through AWS Systems Manager: compliance items for the instance, and candidate configurations from Parameter Store. docs/ssm/sshdoctor-check.json is the SSM Command document that runs both on each targeted instance.",
        ["help.ssm.opt.profile"] = "AWS profile (default: AWS_PROFILE, else default).",
        ["help.ssm.opt.region"] = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's, then the instance's metadata).",
        ["help.ssm.compliance"] = "Send the result of sshdoctor check as SSM compliance items of the instance: one per finding and account (CRITICAL: the account loses all access with the candidate; HIGH: blocking; MEDIUM: warning; INFORMATIONAL: info, sent as compliant), or one compliant item when there is nothing to report. The upload replaces the type's earlier items. Needs ssm:PutComplianceItems.",
        ["help.ssm.compliance.exit"] = "0 sent, 2 bad input (no instance ID, not a check document), 3 AWS refused or failed.",
        ["help.ssm.compliance.arg.file"] = "The JSON of sshdoctor check --json (- for standard input).",
        ["help.ssm.compliance.opt.type"] = "The compliance type: Custom:NAME (NAME: 1 to 100 letters, digits, spaces or _.:/=+@-).",
        ["help.ssm.compliance.opt.instance_id"] = "The managed instance (default: AWS_SSM_INSTANCE_ID, which the SSM agent sets).",
        ["help.ssm.parameter"] = "Fetch a candidate sshd configuration from SSM Parameter Store (String, or SecureString decrypted) into a new file, to judge it with check --candidate. Needs ssm:GetParameter, and kms:Decrypt for a SecureString.",
        ["help.ssm.parameter.exit"] = "0 written, 2 bad input (no such parameter, the file exists), 3 AWS refused or failed.",
        ["help.ssm.parameter.arg.name"] = "The parameter's name (e.g. /sshdoctor/candidate).",
        ["help.ssm.parameter.opt.output"] = "The file to write: it must not exist yet; it is created with mode 0600.",
        ["help.ex.ssm.compliance.1"] = "what the SSM document runs on each instance",
        ["help.ex.ssm.compliance.2"] = "with the instance named, from a saved result",
        ["help.ex.ssm.parameter.1"] = "fetch the candidate, then judge it",
    };
}
