namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> RepairJa => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["userdata.err.user_invalid"] = "「{user}」は有効なユーザー名ではありません（英字、数字、「.」「_」「-」のみ、32 文字以内、「-」や数字で始めることはできません）。",
        ["userdata.intro"] = "ユーザーデータは標準出力に出力しました。次回の起動時にインスタンス上で「{user}」の SSH 鍵ログインを修復し（所有者、パーミッション、存在しない ~/.ssh や authorized_keys、壊れた鍵の行）、結果をシリアルコンソールに書き出します。",
        ["userdata.key"] = "登録されていなければ追加する鍵: {type} {sha256} {comment}",
        ["userdata.nokey"] = "--key の指定がありません。スクリプトは所有者とパーミッションを修正し、足りないものを作成しますが、鍵は追加しません。",
        ["userdata.warn.title"] = "始める前に:",
        ["userdata.warn.instance_store"] = "インスタンスを停止すると、インスタンスストアボリューム上のデータはすべて失われます。ルートデバイス自体がインスタンスストアボリュームの場合、インスタンスは停止できないため、この方法は使えません。",
        ["userdata.warn.asg"] = "Auto Scaling グループに属するインスタンス（Amazon EMR、CloudFormation、Elastic Beanstalk が起動したものを含む）は、停止すると終了されることがあります。先にグループからデタッチするか、スケールインから保護してください。",
        ["userdata.warn.ip"] = "Elastic IP アドレスでない限り、インスタンスを停止して起動するとパブリック IPv4 アドレスが変わります。",
        ["userdata.warn.cloudinit"] = "イメージで cloud-init が動作している必要があります（Amazon Linux、Ubuntu、Debian、RHEL をはじめ、ほとんどのクラウドイメージは対応しています）。",
        ["userdata.steps.title"] = "手順:",
        ["userdata.step.stop"] = "インスタンスを停止します（EC2 コンソール: インスタンスの状態 > インスタンスを停止）。終了ではなく停止です。",
        ["userdata.step.stop_cli"] = "インスタンスを停止します: aws ec2 stop-instances --instance-ids {instance}",
        ["userdata.step.paste"] = "インスタンスを選択し、アクション > インスタンスの設定 > ユーザーデータを編集 で、出力された文書全体をそのまま貼り付けて保存します。",
        ["userdata.step.aws"] = "base64 の出力を {file} に保存し、ユーザーデータとして設定します: aws ec2 modify-instance-attribute --instance-id {instance} --attribute userData --value file://{file}",
        ["userdata.step.start"] = "インスタンスを起動します（インスタンスの状態 > インスタンスを開始）。",
        ["userdata.step.start_cli"] = "インスタンスを起動します: aws ec2 start-instances --instance-ids {instance}",
        ["userdata.step.console"] = "結果（sshdoctor: で始まる行）を確認します: aws ec2 get-console-output --instance-id {instance} --output text、または アクション > モニタリングとトラブルシューティング > システムログを取得。",
        ["userdata.step.login"] = "ログインします: ssh -i 秘密鍵ファイル {user}@パブリックアドレス",
        ["userdata.step.remove"] = "最後にユーザーデータを削除します（インスタンスを停止し、アクション > インスタンスの設定 > ユーザーデータを編集 で内容を消して保存し、起動）。削除するまで、起動のたびに実行されます。",
    };
}
