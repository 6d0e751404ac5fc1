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
    };
}
