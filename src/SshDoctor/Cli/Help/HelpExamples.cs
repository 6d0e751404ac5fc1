namespace SshDoctor.Cli.Help;

/// <summary>Example command lines per command path; their comment is the localized text help.ex.PATH.N.</summary>
public static class HelpExamples
{
    public static readonly IReadOnlyDictionary<string, string[]> ByPath = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["check"] = ["sshdoctor check --user ec2-user --key ~/.ssh/id_ed25519.pub", "sshdoctor check --root /mnt/rescue --user ubuntu --key mykey.pem --from 203.0.113.7", "sshdoctor check --root /mnt/rescue --all-users --json", "sshdoctor check --all-users --candidate 90-hardening.conf", "sshdoctor check --all-users --candidate new/sshd_config --format jsonl >> fleet.jsonl", "sshdoctor check --root /mnt/rescue --user ec2-user --show-config"],
        ["fix"] = ["sshdoctor fix --root /mnt/rescue --user ec2-user --key my-key.pub --dry-run", "sshdoctor fix --root /mnt/rescue --user ec2-user --key my-key.pub"],
        ["undo"] = ["sshdoctor undo --root /mnt/rescue --run 20261121-101500-3fa2"],
        ["probe"] = ["sshdoctor probe 203.0.113.7 -i my-key.pem", "sshdoctor probe ec2-user@203.0.113.7 -i my-key.pem --users ubuntu,admin"],
        ["ec2"] = ["sshdoctor ec2 i-0123456789abcdef0 -i my-key.pem", "sshdoctor ec2 i-0123456789abcdef0 -i my-key.pem --user ubuntu --from 203.0.113.0/24 --profile prod --region eu-west-1", "sshdoctor ec2 i-0123456789abcdef0 -i my-key.pem --json"],
        ["ec2.fix"] = ["sshdoctor ec2 fix i-0123456789abcdef0 --via userdata -i my-key.pem --dry-run", "sshdoctor ec2 fix i-0123456789abcdef0 --via ssm -i my-key.pem", "sshdoctor ec2 fix i-0123456789abcdef0 --via userdata -i my-key.pem --user ec2-user --yes", "sshdoctor ec2 fix i-0123456789abcdef0 --resume"],
        ["ec2.undo"] = ["sshdoctor ec2 undo i-0123456789abcdef0"],
        ["knownhosts"] = ["sshdoctor knownhosts 203.0.113.7"],
        ["userdata"] = ["sshdoctor userdata --user ec2-user --key mykey.pem > userdata.txt", "sshdoctor userdata --user ubuntu --key ~/.ssh/id_ed25519.pub --base64 > userdata.b64"],
        ["explain"] = ["sshdoctor explain \"Server refused our key\"", "sshdoctor explain --lang ja \"サーバが鍵を拒否しました\"", "ssh -vvv -i key.pem ec2-user@203.0.113.7 2>&1 | sshdoctor explain -", "sshdoctor explain --id STRICTMODES_MODE"],
        ["logs"] = ["sshdoctor logs --user ec2-user --since 2h", "sshdoctor logs --root /mnt/rescue --json", "journalctl -u ssh -o short-iso | sshdoctor logs -"],
        ["key.inspect"] = ["sshdoctor key inspect ~/.ssh/id_ed25519", "sshdoctor key inspect my-ec2-key.pem --json"],
        ["key.public"] = ["sshdoctor key public my-ec2-key.pem >> ~/.ssh/authorized_keys", "sshdoctor key public key.ppk > key.pub"],
        ["key.convert"] = ["sshdoctor key convert my-ec2-key.pem --to ppk -o my-ec2-key.ppk", "sshdoctor key convert my-ec2-key.pem --to ppk --ppk-version 2 -o old-winscp.ppk", "sshdoctor key convert key.ppk --to openssh -o ~/.ssh/id_ed25519"],
        ["completion"] = ["source <(sshdoctor completion bash)"],
        ["man"] = ["sshdoctor man | man -l -"],
        ["report"] = ["sshdoctor report results/*.json", "cat fleet.jsonl | sshdoctor report - --json"],
        ["ssm.compliance"] = ["sshdoctor check --all-users --json | sshdoctor ssm compliance - --type Custom:sshdoctor", "sshdoctor ssm compliance check.json --type Custom:sshdoctor --instance-id i-0123456789abcdef0"],
        ["ssm.parameter"] = ["sshdoctor ssm parameter /sshdoctor/candidate -o candidate.conf && sshdoctor check --all-users --candidate candidate.conf"],
        ["ansible-module"] = ["sshdoctor ansible-module /tmp/ansible-tmp/args"],
    };
}
