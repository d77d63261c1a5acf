<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>ActiveConnection</name>
    <message>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <source>Reading the API key…</source>
        <translation>APIキーを読み込んでいます…</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>接続を確認しています…</translation>
    </message>
    <message>
        <source>The saved API key was not found in the keychain. Enter it again in Manage connections.</source>
        <translation>保存したAPIキーがキーチェーンに見つかりませんでした。「接続の管理」でもう一度入力してください。</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The service took too long to answer. Try again in a moment.</source>
        <translation>サービスの応答に時間がかかりすぎました。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>リクエストはキャンセルされました。</translation>
    </message>
    <message>
        <source>The service could not be reached. Check the internet connection and the address.</source>
        <translation>サービスに接続できませんでした。インターネット接続とアドレスを確認してください。</translation>
    </message>
    <message>
        <source>The address starts with http://, so the API key would travel unprotected and could be read by others on the network. Use an address that starts with https://.</source>
        <translation>アドレスが http:// で始まっているため、APIキーが暗号化されずに送られ、ネットワーク上の他の人に読まれるおそれがあります。https:// で始まるアドレスを使ってください。</translation>
    </message>
    <message>
        <source>The secure connection to the service could not be verified. Check the address; a network device may be interfering with the connection.</source>
        <translation>サービスとの安全な接続を確認できませんでした。アドレスを確認してください。ネットワーク機器が接続に干渉している可能性があります。</translation>
    </message>
    <message>
        <source>The service sent an answer that could not be understood. Check that the address points to an OpenAI-compatible service.</source>
        <translation>サービスから理解できない応答が返りました。アドレスがOpenAI互換のサービスを指しているか確認してください。</translation>
    </message>
    <message>
        <source>The service stopped the answer because of an error. Try again.</source>
        <translation>エラーのため、サービスが応答を途中で止めました。もう一度お試しください。</translation>
    </message>
    <message>
        <source>The service stopped the answer because of an error: %1</source>
        <translation>エラーのため、サービスが応答を途中で止めました: %1</translation>
    </message>
    <message>
        <source>Your account has run out of credit. Add credit or raise the spending limit in your account&apos;s billing settings, then try again.</source>
        <translation>アカウントのクレジットが残っていません。アカウントの請求設定でクレジットを追加するか利用上限を引き上げてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The daily limit of fine-tuning jobs for this model has been reached. Try again tomorrow, or choose another model.</source>
        <translation>このモデルのファインチューニングジョブは、本日の上限に達しました。明日もう一度試すか、別のモデルを選んでください。</translation>
    </message>
    <message>
        <source>This account can no longer start new fine-tuning jobs: the service has stopped accepting them from it. Existing jobs and models still work. To train a new model, use another connection, for example Azure OpenAI.</source>
        <translation>このアカウントでは、新しいファインチューニングジョブを開始できなくなりました。サービスがこのアカウントからの受け付けを終了しています。既存のジョブとモデルは引き続き使えます。新しいモデルを学習するには、Azure OpenAI など別の接続を使ってください。</translation>
    </message>
    <message>
        <source>The API key was not accepted. Check the key in the connection settings.</source>
        <translation>APIキーが受け付けられませんでした。接続設定のキーを確認してください。</translation>
    </message>
    <message>
        <source>The service refused this request. The API key may lack the permission for it, or the service may not be offered in your region.</source>
        <translation>サービスがこのリクエストを拒否しました。APIキーにこの操作の権限がないか、お住まいの地域ではサービスが提供されていない可能性があります。</translation>
    </message>
    <message>
        <source>The service could not find this item. It may have been deleted or belong to another account or project. A newly trained model can take a few minutes to become available.</source>
        <translation>サービスがこの項目を見つけられませんでした。削除されたか、別のアカウントやプロジェクトのものかもしれません。学習したばかりのモデルは、使えるようになるまで数分かかることがあります。</translation>
    </message>
    <message>
        <source>The service is busy with another change to this item. Try again in a moment.</source>
        <translation>サービスがこの項目の別の変更を処理中です。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The file is too large to send in one piece.</source>
        <translation>ファイルが大きすぎて、一度に送信できません。</translation>
    </message>
    <message>
        <source>Too many requests were sent in a short time. Wait a moment and try again.</source>
        <translation>短時間にリクエストが多すぎました。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The service is having problems right now. Try again in a few minutes.</source>
        <translation>サービスで現在問題が発生しています。数分後にもう一度お試しください。</translation>
    </message>
    <message>
        <source>The service did not accept the request: %1</source>
        <translation>サービスがリクエストを受け付けませんでした: %1</translation>
    </message>
    <message>
        <source>The service answered with an error (code %1).</source>
        <translation>サービスがエラーを返しました (コード %1)。</translation>
    </message>
    <message>
        <source>The service sent nothing for %1 — stopped waiting. Try again in a moment.</source>
        <translation>サービスから %1 の間何も届かなかったため、待つのをやめました。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The service did not finish its answer within %1 — stopped waiting. Try again in a moment.</source>
        <translation>サービスが %1 以内に応答を終えなかったため、待つのをやめました。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The service sent an answer larger than %1 — stopped reading. Check that the address points to the right service.</source>
        <translation>サービスから %1 より大きい応答が届いたため、読み込みを中止しました。アドレスが正しいサービスを指しているか確認してください。</translation>
    </message>
    <message>
        <source>The service sent a streamed answer larger than %1 — stopped reading.</source>
        <translation>サービスから %1 より大きいストリーミングの応答が届いたため、読み込みを中止しました。</translation>
    </message>
    <message>
        <source>The service sent a line longer than %1 in a streamed answer — stopped reading.</source>
        <translation>ストリーミングの応答に %1 より長い行があったため、読み込みを中止しました。</translation>
    </message>
    <message>
        <source>The service sent a part larger than %1 in a streamed answer — stopped reading.</source>
        <translation>ストリーミングの応答に %1 より大きい部分があったため、読み込みを中止しました。</translation>
    </message>
    <message>
        <source>The service kept sending the request on to another address (more than %1 times) — stopped following it. Check the address in the connection settings.</source>
        <translation>サービスがリクエストを別のアドレスへ転送し続けたため (%1 回を超えました)、転送先をたどるのをやめました。接続設定のアドレスを確認してください。</translation>
    </message>
    <message>
        <source>The service has no space left to store the file. For the built-in practice service, free some space on this computer&apos;s disk; then upload the file again.</source>
        <translation>サービスにファイルを保存する空き容量がありません。内蔵の練習用サービスの場合は、このコンピューターのディスクの空きを増やしてから、もう一度ファイルをアップロードしてください。</translation>
    </message>
    <message>
        <source>The service sent an empty answer where it should have sent data. Check that the address points to an OpenAI-compatible service.</source>
        <translation>サービスから、データが返されるべきところに空の応答が返されました。アドレスがOpenAI互換のサービスを指しているか確認してください。</translation>
    </message>
    <message>
        <source>The service sent a web page instead of data: the address may lead to a website, a sign-in page or a proxy rather than to the service itself. Check the address in the connection settings.</source>
        <translation>サービスから、データではなくWebページが返されました。アドレスがサービスそのものではなく、Webサイト、サインインページ、プロキシなどを指している可能性があります。接続設定のアドレスを確認してください。</translation>
    </message>
    <message>
        <source>The service sent a list or a single value where it should have sent one object. Check that the address points to an OpenAI-compatible service.</source>
        <translation>サービスから、1つのオブジェクトが返されるべきところにリストまたは単一の値が返されました。アドレスがOpenAI互換のサービスを指しているか確認してください。</translation>
    </message>
    <message>
        <source>The service sent a number that JSON does not allow (NaN or Infinity), so its answer could not be read. This is the service&apos;s fault; try again later.</source>
        <translation>サービスからJSONで使用できない数値 (NaN または Infinity) が返されたため、応答を読み取れませんでした。これはサービス側の問題です。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The service sent an answer that is not valid JSON (it may be cut off or garbled). Check that the address points to an OpenAI-compatible service.</source>
        <translation>サービスから、有効なJSONではない応答が返されました (途中で切れているか、壊れている可能性があります)。アドレスがOpenAI互換のサービスを指しているか確認してください。</translation>
    </message>
    <message>
        <source>On Azure this model answers only through a deployment, and it has none (or it was removed). Deploy it first with “Deploy to Try It…” in the Jobs area or the Playground.</source>
        <translation>Azure では、このモデルはデプロイを通じてのみ応答しますが、デプロイがありません (または削除されています)。先に「ジョブ」または「プレイグラウンド」の「デプロイして試す…」でデプロイしてください。</translation>
    </message>
    <message>
        <source>Azure did not accept the Microsoft sign-in (it may have run out). Sign in with Microsoft again.</source>
        <translation>Azure が Microsoft のサインインを受け付けませんでした (有効期限が切れた可能性があります)。もう一度 Microsoft でサインインしてください。</translation>
    </message>
</context>
<context>
    <name>AzureManagement</name>
    <message>
        <source>the subscription</source>
        <translation>サブスクリプション</translation>
    </message>
    <message>
        <source>the resource group</source>
        <translation>リソース グループ</translation>
    </message>
    <message>
        <source>the resource name</source>
        <translation>リソース名</translation>
    </message>
    <message>
        <source>To deploy on Azure the app needs %1 of this connection. Add them in Settings › Connections (the Azure portal shows them on the resource&apos;s Overview page).</source>
        <translation>Azure にデプロイするには、この接続の%1が必要です。「設定 › 接続」で追加してください (Azure ポータルでは、リソースの「概要」ページに表示されています)。</translation>
    </message>
    <message>
        <source>In the Azure portal open your Azure OpenAI resource: “Subscription ID” is on its Overview page (a long id such as 1234abcd-…).</source>
        <translation>Azure ポータルで Azure OpenAI リソースを開いてください。「サブスクリプション ID」は「概要」ページにあります (1234abcd-… のような長い ID です)。</translation>
    </message>
    <message>
        <source>On the same Overview page: “Resource group”.</source>
        <translation>同じ「概要」ページにある「リソース グループ」です。</translation>
    </message>
    <message>
        <source>The resource&apos;s own name, at the top of its Overview page (the NAME in https://NAME.openai.azure.com).</source>
        <translation>リソース自体の名前で、「概要」ページの上部に表示されています (https://NAME.openai.azure.com の NAME の部分)。</translation>
    </message>
    <message>
        <source>Optional. Microsoft Entra ID › Overview › “Tenant ID”. Leave empty to sign in with any work or school account.</source>
        <translation>任意。Microsoft Entra ID › 概要 › 「テナント ID」。空欄にすると、任意の職場または学校アカウントでサインインできます。</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>Azure OpenAI</source>
        <translation>Azure OpenAI</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>OpenAI互換サーバー</translation>
    </message>
    <message>
        <source>Sandbox (offline)</source>
        <translation>サンドボックス (オフライン)</translation>
    </message>
    <message>
        <source>Together AI</source>
        <translation>Together AI</translation>
    </message>
    <message>
        <source>Fireworks AI</source>
        <translation>Fireworks AI</translation>
    </message>
</context>
<context>
    <name>ConnectionCheck</name>
    <message>
        <source>Not checked yet</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>接続済み</translation>
    </message>
    <message>
        <source>API key needed</source>
        <translation>APIキーが必要</translation>
    </message>
    <message>
        <source>Key not accepted</source>
        <translation>キーが無効</translation>
    </message>
    <message>
        <source>Access refused</source>
        <translation>アクセス拒否</translation>
    </message>
    <message>
        <source>Can&apos;t reach the server</source>
        <translation>サーバーに接続できません</translation>
    </message>
    <message>
        <source>Certificate problem</source>
        <translation>証明書の問題</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <source>Wrong address?</source>
        <translation>アドレスの誤り?</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>サーバーエラー</translation>
    </message>
    <message>
        <source>Address not valid</source>
        <translation>無効なアドレス</translation>
    </message>
    <message>
        <source>Sandbox not running</source>
        <translation>サンドボックス停止中</translation>
    </message>
    <message>
        <source>This connection has not been checked yet.</source>
        <translation>この接続はまだ確認されていません。</translation>
    </message>
    <message>
        <source>Connected. The server offers one model.</source>
        <translation>接続しました。サーバーが提供するモデルは1つです。</translation>
    </message>
    <message>
        <source>Connected. The server offers %1 models.</source>
        <translation>接続しました。サーバーが提供するモデルは%1個です。</translation>
    </message>
    <message>
        <source>One of them is your own fine-tuned model.</source>
        <translation>そのうち1つは、あなたがファインチューニングしたモデルです。</translation>
    </message>
    <message>
        <source>%1 of them are your own fine-tuned models.</source>
        <translation>そのうち%1個は、あなたがファインチューニングしたモデルです。</translation>
    </message>
    <message>
        <source>The server was reached, but it needs an API key. Enter your key for this connection.</source>
        <translation>サーバーには接続できましたが、APIキーが必要です。この接続のキーを入力してください。</translation>
    </message>
    <message>
        <source>The server was reached, but it did not accept the API key. Check that the key was copied completely and has not been revoked.</source>
        <translation>サーバーには接続できましたが、APIキーが受け付けられませんでした。キーが最後まで正しくコピーされているか、無効にされていないかを確認してください。</translation>
    </message>
    <message>
        <source>The server was reached and the key was accepted, but access was refused.</source>
        <translation>サーバーに接続でき、キーも受け付けられましたが、アクセスが拒否されました。</translation>
    </message>
    <message>
        <source>The server said: “%1”</source>
        <translation>サーバーからのメッセージ:「%1」</translation>
    </message>
    <message>
        <source>The server could not be reached. Check the address and your internet connection.</source>
        <translation>サーバーに接続できませんでした。アドレスとインターネット接続を確認してください。</translation>
    </message>
    <message>
        <source>The server could not prove that it is who it claims to be (a certificate problem), so nothing was sent to it. Check the address; on a company network, ask your IT department.</source>
        <translation>サーバーが本物であることを確認できなかったため (証明書の問題)、何も送信していません。アドレスを確認してください。社内ネットワークの場合は、IT部門にお問い合わせください。</translation>
    </message>
    <message>
        <source>The server did not answer in time. It may be busy or your connection may be slow. Try again in a moment.</source>
        <translation>サーバーが時間内に応答しませんでした。サーバーが混み合っているか、回線が遅い可能性があります。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Something answered at this address, but it is not an OpenAI-compatible API. Check the address: it usually ends in /v1.</source>
        <translation>このアドレスから応答はありましたが、OpenAI互換のAPIではありません。アドレスを確認してください。通常は /v1 で終わります。</translation>
    </message>
    <message>
        <source>The server reported a problem (error %1).</source>
        <translation>サーバーが問題を報告しました (エラー %1)。</translation>
    </message>
    <message>
        <source>The built-in sandbox is not running, so there is nothing to connect to.</source>
        <translation>内蔵のサンドボックスが動作していないため、接続先がありません。</translation>
    </message>
    <message>
        <source>Enter the resource endpoint of your Azure OpenAI resource. It is shown with the keys on the resource’s “Keys and Endpoint” page and looks like https://YOUR-RESOURCE.openai.azure.com.</source>
        <translation>Azure OpenAI リソースのエンドポイントを入力してください。リソースの「キーとエンドポイント」ページにキーと一緒に表示されており、https://YOUR-RESOURCE.openai.azure.com のような形式です。</translation>
    </message>
    <message>
        <source>Enter the API address, usually %1.</source>
        <translation>APIのアドレスを入力してください。通常は %1 です。</translation>
    </message>
    <message>
        <source>Enter the address of the server’s OpenAI-compatible API. It usually ends in /v1.</source>
        <translation>サーバーのOpenAI互換APIのアドレスを入力してください。通常は /v1 で終わります。</translation>
    </message>
    <message>
        <source>The address “%1” is not valid.</source>
        <translation>アドレス「%1」は正しくありません。</translation>
    </message>
    <message>
        <source>Enter the resource endpoint from your Azure OpenAI resource’s “Keys and Endpoint” page; it starts with https://.</source>
        <translation>Azure OpenAI リソースの「キーとエンドポイント」ページにあるエンドポイントを入力してください。https:// で始まります。</translation>
    </message>
    <message>
        <source>It should start with https://, usually %1.</source>
        <translation>アドレスは https:// で始めてください。通常は %1 です。</translation>
    </message>
    <message>
        <source>It should start with https:// (or http://) and usually ends in /v1.</source>
        <translation>アドレスは https:// (または http://) で始まり、通常は /v1 で終わります。</translation>
    </message>
    <message>
        <source>Something answered at this address, but it is not Together AI’s API. Check the address: it is usually %1.</source>
        <translation>このアドレスから応答はありましたが、Together AI のAPIではありません。アドレスを確認してください。通常は %1 です。</translation>
    </message>
    <message>
        <source>Connected. Your account has no models of its own yet.</source>
        <translation>接続しました。お使いのアカウントには、独自のモデルはまだありません。</translation>
    </message>
    <message>
        <source>Connected. Your account has %1 models of its own.</source>
        <translation>接続しました。お使いのアカウントには、独自のモデルが%1個あります。</translation>
    </message>
    <message>
        <source>Fireworks AI’s models to fine-tune are offered when you start a job.</source>
        <translation>Fireworks AI のファインチューニング用のモデルは、ジョブの開始時に表示されます。</translation>
    </message>
    <message>
        <source>Fireworks AI did not list models for this account. Check the account id (shown on your Fireworks account page) and the address, usually %1.</source>
        <translation>Fireworks AI から、このアカウントのモデルの一覧が返されませんでした。アカウント ID (Fireworks のアカウントページに表示されています) と、アドレス (通常は %1) を確認してください。</translation>
    </message>
</context>
<context>
    <name>ConnectionStore</name>
    <message>
        <source>Sandbox</source>
        <translation>サンドボックス</translation>
    </message>
</context>
<context>
    <name>Dialect</name>
    <message>
        <source>%1 has no %2.</source>
        <translation>%1 は%2に対応していません。</translation>
    </message>
    <message>
        <source>%1 sent something other than a description of %2.</source>
        <translation>%1 から届いたデータは、%2として読み取れませんでした。</translation>
    </message>
    <message>
        <source>file storage</source>
        <translation>ファイルの保存</translation>
    </message>
    <message>
        <source>file uploads</source>
        <translation>ファイルのアップロード</translation>
    </message>
    <message>
        <source>uploads to a separate storage address</source>
        <translation>別のストレージアドレスへのアップロード</translation>
    </message>
    <message>
        <source>file downloads</source>
        <translation>ファイルのダウンロード</translation>
    </message>
    <message>
        <source>fine-tuning jobs</source>
        <translation>ファインチューニングジョブ</translation>
    </message>
    <message>
        <source>way to cancel a job</source>
        <translation>ジョブのキャンセル</translation>
    </message>
    <message>
        <source>job events</source>
        <translation>ジョブのメッセージ</translation>
    </message>
    <message>
        <source>checkpoints</source>
        <translation>チェックポイント</translation>
    </message>
    <message>
        <source>separate list of training metrics</source>
        <translation>学習の指標の個別の一覧</translation>
    </message>
    <message>
        <source>price estimate before a job starts</source>
        <translation>ジョブ開始前の料金の見積もり</translation>
    </message>
    <message>
        <source>list of models</source>
        <translation>モデルの一覧</translation>
    </message>
    <message>
        <source>published limits per model</source>
        <translation>モデルごとの上限値の公開</translation>
    </message>
    <message>
        <source>deployments</source>
        <translation>デプロイ</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>チャット</translation>
    </message>
    <message>
        <source>way to pause a job</source>
        <translation>ジョブの一時停止</translation>
    </message>
    <message>
        <source>way to resume a paused job</source>
        <translation>一時停止したジョブの再開</translation>
    </message>
    <message>
        <source>datasets</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>way to delete a job</source>
        <translation>ジョブの削除</translation>
    </message>
    <message>
        <source>metrics file</source>
        <translation>指標ファイル</translation>
    </message>
    <message>
        <source>an answer</source>
        <translation>応答</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No API key is saved for this connection.</source>
        <translation>この接続のAPIキーは保存されていません。</translation>
    </message>
    <message>
        <source>No password keychain is available on this computer, so the API key cannot be saved safely.</source>
        <translation>このコンピューターにはパスワードのキーチェーンがないため、APIキーを安全に保存できません。</translation>
    </message>
    <message>
        <source>The password keychain did not answer. It may be locked: unlock it (for example by logging in again) and try once more.</source>
        <translation>パスワードのキーチェーンが応答しませんでした。ロックされている可能性があります。ロックを解除して (例えば再ログインして) から、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The password keychain reported a problem.</source>
        <translation>パスワードのキーチェーンで問題が発生しました。</translation>
    </message>
    <message>
        <source>The key will be used until you close the app, and you will need to enter it again next time.</source>
        <translation>キーはアプリを閉じるまで使われます。次回は再入力が必要です。</translation>
    </message>
</context>
<context>
    <name>WatchBudget</name>
    <message>
        <source>%1 Stopped watching.</source>
        <translation>%1 監視を停止しました。</translation>
    </message>
    <message>
        <source>%1 Stopped watching after %2 failed checks in a row.</source>
        <translation>%1 確認が%2回続けて失敗したため、監視を停止しました。</translation>
    </message>
    <message>
        <source>%1 Stopped watching: no good answer for %2.</source>
        <translation>%1 %2の間、正常な応答がなかったため、監視を停止しました。</translation>
    </message>
</context>
<context>
    <name>fs</name>
    <message>
        <source>No example in this file ends with an assistant answer to compare against.</source>
        <translation>このファイルには、比較の基準となるアシスタントの回答で終わる例がありません。</translation>
    </message>
    <message>
        <source>No example in this dataset ends with an assistant answer to compare against.</source>
        <translation>このデータセットには、比較の基準となるアシスタントの回答で終わる例がありません。</translation>
    </message>
    <message>
        <source>The validation file</source>
        <translation>検証ファイル</translation>
    </message>
    <message>
        <source>The training file</source>
        <translation>学習ファイル</translation>
    </message>
    <message>
        <source>There is no user message to send in %1.</source>
        <translation>%1には、送信するユーザーメッセージがありません。</translation>
    </message>
    <message>
        <source>the open dataset</source>
        <translation>開いているデータセット</translation>
    </message>
    <message>
        <source>a list of prompts</source>
        <translation>プロンプトのリスト</translation>
    </message>
    <message>
        <source>The list holds no prompt: write one per line, or separate them with an empty line.</source>
        <translation>リストにプロンプトがありません。1行に1つずつ書くか、空行で区切ってください。</translation>
    </message>
    <message>
        <source>the Playground conversation</source>
        <translation>プレイグラウンドの会話</translation>
    </message>
    <message>
        <source>This is not a saved Playground comparison.</source>
        <translation>これは保存されたプレイグラウンドの比較ではありません。</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1を開けませんでした: %2</translation>
    </message>
    <message>
        <source>, temperature %1</source>
        <translation>、温度 %1</translation>
    </message>
    <message>
        <source>, seed %1</source>
        <translation>、シード %1</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1に書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>How many answers fall in each ROUGE-L range</source>
        <translation>ROUGE-L の範囲ごとの回答数</translation>
    </message>
    <message>
        <source>%1 to %2: %3 answers</source>
        <translation>%1〜%2: %3件の回答</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>%1 (multiplier)</source>
        <translation>%1 (倍率)</translation>
    </message>
    <message>
        <source>LoRA (a small add-on)</source>
        <translation>LoRA (小さな追加部分)</translation>
    </message>
    <message>
        <source>Full (every weight)</source>
        <translation>フル学習 (すべての重み)</translation>
    </message>
    <message>
        <source>Chosen by the service</source>
        <translation>サービスが選択</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>date format</comment>
        <extracomment>Date format of the retirement calendar (QDate format: d, MMM, yyyy); e.g. 14 Jan 2027</extracomment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>no date announced</source>
        <translation>日付未発表</translation>
    </message>
    <message>
        <source>different</source>
        <translation>異なる</translation>
    </message>
    <message>
        <source>other words</source>
        <translation>言い換え</translation>
    </message>
    <message>
        <source>much the same</source>
        <translation>ほぼ同じ</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>回答数</translation>
    </message>
    <message>
        <source>ROUGE-L of the new answer against the old one (1 = word for word the same)</source>
        <translation>新しい回答の古い回答に対する ROUGE-L (1 = 一語一句同じ)</translation>
    </message>
</context>
<context>
    <name>fs::AbTally</name>
    <message>
        <source>%1 win</source>
        <translation>%1勝</translation>
    </message>
    <message>
        <source>%1 wins</source>
        <translation>%1勝</translation>
    </message>
    <message>
        <source>%1 loss</source>
        <translation>%1敗</translation>
    </message>
    <message>
        <source>%1 losses</source>
        <translation>%1敗</translation>
    </message>
    <message>
        <source>%1 tie</source>
        <translation>%1引き分け</translation>
    </message>
    <message>
        <source>%1 ties</source>
        <translation>%1引き分け</translation>
    </message>
    <message>
        <source>%1 both bad</source>
        <translation>両方不可 %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>fs::ApiLimits</name>
    <message>
        <source>1 second</source>
        <translation>1 秒</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 分</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%nバイト</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::AzureDialect</name>
    <message>
        <source>Developer (no hosting fee; Azure removes it after %1 hours)</source>
        <translation>Developer (ホスティング料金なし。%1時間後に Azure が削除します)</translation>
    </message>
    <message>
        <source>Standard (a hosting fee for as long as it exists)</source>
        <translation>Standard (存在する間、ホスティング料金が発生します)</translation>
    </message>
    <message>
        <source>“%1” is not a subscription ID. It is a long id such as 1234abcd-12ab-34cd-56ef-1234567890ab, shown as “Subscription ID” on the resource&apos;s Overview page in the Azure portal. Correct it in Settings › Connections.</source>
        <translation>「%1」はサブスクリプション ID ではありません。サブスクリプション ID は 1234abcd-12ab-34cd-56ef-1234567890ab のような長い ID で、Azure ポータルのリソースの「概要」ページに「サブスクリプション ID」として表示されています。「設定 › 接続」で修正してください。</translation>
    </message>
    <message>
        <source>Sign in with Microsoft first: deployments on Azure are made with your Microsoft account, not with the API key.</source>
        <translation>先に Microsoft でサインインしてください。Azure でのデプロイには、APIキーではなく Microsoft アカウントを使用します。</translation>
    </message>
    <message>
        <source>Azure has no deployment type “%1”: choose Developer or Standard.</source>
        <translation>Azure には「%1」というデプロイの種類はありません。Developer または Standard を選んでください。</translation>
    </message>
    <message>
        <source>“%1” is a base model, not one you fine-tuned. The app deploys only fine-tuned models on Azure; deploy base models in the Azure portal.</source>
        <translation>「%1」はベースモデルで、ファインチューニングしたモデルではありません。このアプリで Azure にデプロイできるのは、ファインチューニングしたモデルだけです。ベースモデルは Azure ポータルでデプロイしてください。</translation>
    </message>
    <message>
        <source>“%1” cannot be deployed on Azure: a deployment needs a name of at least two letters or digits.</source>
        <translation>「%1」は Azure にデプロイできません。デプロイには、英字または数字が2文字以上含まれる名前が必要です。</translation>
    </message>
    <message>
        <source>a deployment</source>
        <translation>デプロイの情報</translation>
    </message>
    <message>
        <source>Azure answered, but not with a deployment (it has no name).</source>
        <translation>Azure から応答がありましたが、デプロイの情報ではありません (名前がありません)。</translation>
    </message>
    <message>
        <source>the deployments</source>
        <translation>デプロイの一覧</translation>
    </message>
    <message>
        <source>Azure answered, but not with a list of deployments.</source>
        <translation>Azure から応答がありましたが、デプロイの一覧ではありません。</translation>
    </message>
</context>
<context>
    <name>fs::AzureTokenStore</name>
    <message>
        <source>Sign in with Microsoft to make deployments on Azure.</source>
        <translation>Azure でデプロイするには、Microsoft でサインインしてください。</translation>
    </message>
</context>
<context>
    <name>fs::BackgroundTask</name>
    <message>
        <source>There is not enough memory for this.</source>
        <translation>この処理に必要なメモリが足りません。</translation>
    </message>
    <message>
        <source>Something went wrong while working in the background.</source>
        <translation>バックグラウンドでの処理中に問題が発生しました。</translation>
    </message>
</context>
<context>
    <name>fs::BaseModelCatalogue</name>
    <message>
        <source>billed per hour of training</source>
        <translation>学習時間1時間ごとに課金</translation>
    </message>
    <message>
        <source>$%1 per 1M training tokens</source>
        <translation>学習トークン100万あたり $%1</translation>
    </message>
    <message>
        <source>price not known</source>
        <translation>価格不明</translation>
    </message>
    <message>
        <source>Training is billed per hour, so the app cannot estimate its cost.</source>
        <translation>学習は時間単位で課金されるため、アプリでは費用を見積もれません。</translation>
    </message>
    <message>
        <source>Training costs $%1 per million tokens.</source>
        <translation>学習の費用は100万トークンあたり $%1 です。</translation>
    </message>
    <message>
        <source>The app does not know the training price of this model, so it cannot estimate the cost; you can add the price under Prices… in the dataset&apos;s statistics.</source>
        <translation>このモデルの学習の価格が分からないため、アプリでは費用を見積もれません。データセットの統計にある「価格…」で価格を追加できます。</translation>
    </message>
    <message>
        <source>Examples can be up to %L1 tokens long.</source>
        <translation>例の長さは最大%L1トークンです。</translation>
    </message>
    <message>
        <source>How long an example may be for this model is not published; the app assumes %L1 tokens, the limit of the gpt-4o models.</source>
        <translation>このモデルで使える例の長さの上限は公開されていません。アプリでは、gpt-4o モデルの上限である%L1トークンとみなします。</translation>
    </message>
    <message>
        <source>An older model: the service may no longer train it.</source>
        <translation>旧モデルです。サービスではもう学習できない場合があります。</translation>
    </message>
    <message>
        <source>priced by %1 before you start</source>
        <translation>開始前に %1 が料金を提示</translation>
    </message>
    <message>
        <source>%1 states the price of the job, and whether your account may start it, before it starts.</source>
        <translation>ジョブの料金と、お使いのアカウントでジョブを開始できるかどうかは、開始前に %1 が知らせます。</translation>
    </message>
</context>
<context>
    <name>fs::BatchResults</name>
    <message>
        <source>This file is not a saved batch comparison.</source>
        <translation>このファイルは保存された一括比較ではありません。</translation>
    </message>
    <message>
        <source>This comparison was saved by a newer version of Finetune Studio.</source>
        <translation>この比較は、新しいバージョンの Finetune Studio で保存されています。</translation>
    </message>
    <message>
        <source>Line %1 of the saved comparison is damaged.</source>
        <translation>保存された比較の%1行目が壊れています。</translation>
    </message>
    <message>
        <source>The results could not be saved to %1: %2</source>
        <translation>結果を %1 に保存できませんでした: %2</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1 を開けませんでした: %2</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参照回答</translation>
    </message>
    <message>
        <source>%1 answer</source>
        <translation>%1 の回答</translation>
    </message>
    <message>
        <source>%1 ROUGE-1 F</source>
        <translation>%1 ROUGE-1 F</translation>
    </message>
    <message>
        <source>%1 ROUGE-2 F</source>
        <translation>%1 ROUGE-2 F</translation>
    </message>
    <message>
        <source>%1 ROUGE-L F</source>
        <translation>%1 ROUGE-L F</translation>
    </message>
    <message>
        <source>ROUGE-L F difference</source>
        <translation>ROUGE-L F の差</translation>
    </message>
    <message>
        <source>The table could not be saved to %1: %2</source>
        <translation>表を %1 に保存できませんでした: %2</translation>
    </message>
</context>
<context>
    <name>fs::BatchResultsModel</name>
    <message>
        <source>waiting…</source>
        <translation>待機中…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参照回答</translation>
    </message>
    <message>
        <source>Difference (ROUGE-L)</source>
        <translation>差 (ROUGE-L)</translation>
    </message>
    <message>
        <source>%1 R-1</source>
        <translation>%1 R-1</translation>
    </message>
    <message>
        <source>%1 R-2</source>
        <translation>%1 R-2</translation>
    </message>
    <message>
        <source>%1 R-L</source>
        <translation>%1 R-L</translation>
    </message>
</context>
<context>
    <name>fs::CaptureRun</name>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1を開けませんでした: %2</translation>
    </message>
    <message>
        <source>%1 could not be repaired: %2</source>
        <translation>%1を修復できませんでした: %2</translation>
    </message>
    <message>
        <source>A capture is still running.</source>
        <translation>回答の収集がまだ実行中です。</translation>
    </message>
    <message>
        <source>%1 already exists and was not written by a capture. Choose another file, so nothing in it is overwritten.</source>
        <translation>%1は既に存在し、回答の収集で作成されたファイルではありません。中身が上書きされないよう、別のファイルを選んでください。</translation>
    </message>
    <message>
        <source>%1 holds answers of %2. To continue it, capture with the same model and settings; to start anew, choose another file.</source>
        <translation>%1には%2の回答が含まれています。続きを収集するには、同じモデルと設定で収集してください。新しく始めるには、別のファイルを選んでください。</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1を読み込めませんでした: %2</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1に書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>The answers could not be written to %1: %2. Those written so far are kept; run the capture again to continue.</source>
        <translation>回答を%1に書き込めませんでした: %2。書き込み済みの回答は保持されています。続けるには、もう一度収集を実行してください。</translation>
    </message>
</context>
<context>
    <name>fs::CheckpointModel</name>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>学習損失</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>検証損失</translation>
    </message>
    <message>
        <source>Full validation loss</source>
        <translation>全体の検証損失</translation>
    </message>
    <message>
        <source>Token accuracy</source>
        <translation>トークン正解率</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>The checkpoint at step %1 had the lowest full validation loss (measured on all your validation examples): it is usually the best choice.</source>
        <translation>ステップ %1 のチェックポイントの全体の検証損失 (すべての検証用の例で測定) が最も低くなりました。通常はこれが最適な選択です。</translation>
    </message>
    <message>
        <source>The checkpoint at step %1 had the lowest validation loss: it is usually the best choice.</source>
        <translation>ステップ %1 のチェックポイントの検証損失が最も低くなりました。通常はこれが最適な選択です。</translation>
    </message>
    <message>
        <source>The checkpoint at step %1 had the lowest training loss. Without validation examples it is only a guess: try it before you rely on it.</source>
        <translation>ステップ %1 のチェックポイントの学習損失が最も低くなりました。検証用の例がないため、これは目安にすぎません。頼りにする前に試してください。</translation>
    </message>
    <message>
        <source>Not every checkpoint reports this measure; only those that do were compared.</source>
        <translation>この値を報告していないチェックポイントもあります。報告のあるチェックポイントだけを比較しました。</translation>
    </message>
</context>
<context>
    <name>fs::ComparisonSession</name>
    <message>
        <source>This file is not a saved comparison.</source>
        <translation>このファイルは保存された比較ではありません。</translation>
    </message>
    <message>
        <source>This comparison was saved by a newer version of Finetune Studio.</source>
        <translation>この比較は、新しいバージョンの Finetune Studio で保存されています。</translation>
    </message>
    <message>
        <source>The comparison could not be saved to %1: %2</source>
        <translation>比較を %1 に保存できませんでした: %2</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1 を開けませんでした: %2</translation>
    </message>
</context>
<context>
    <name>fs::DatasetDocument</name>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>Edit example %1</source>
        <translation>例 %1 の編集</translation>
    </message>
    <message>
        <source>Edit message %1</source>
        <translation>メッセージ %1 の編集</translation>
    </message>
    <message>
        <source>Change role to %1</source>
        <translation>ロールを %1 に変更</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Don&apos;t train on message %1</source>
        <translation>メッセージ %1 を学習の対象外に</translation>
    </message>
    <message>
        <source>Train on message %1</source>
        <translation>メッセージ %1 を学習の対象に</translation>
    </message>
    <message>
        <source>Change name</source>
        <translation>名前の変更</translation>
    </message>
    <message>
        <source>Edit tool calls</source>
        <translation>ツール呼び出しの編集</translation>
    </message>
    <message>
        <source>Edit tool call id</source>
        <translation>ツール呼び出しIDの編集</translation>
    </message>
    <message>
        <source>Add message</source>
        <translation>メッセージの追加</translation>
    </message>
    <message>
        <source>Delete message %1</source>
        <translation>メッセージ %1 の削除</translation>
    </message>
    <message>
        <source>Move message</source>
        <translation>メッセージの移動</translation>
    </message>
    <message>
        <source>Edit tools</source>
        <translation>ツールの編集</translation>
    </message>
    <message>
        <source>Change parallel tool calls</source>
        <translation>並列ツール呼び出しの変更</translation>
    </message>
    <message>
        <source>Edit preferred answer</source>
        <translation>望ましい回答の編集</translation>
    </message>
    <message>
        <source>Edit non-preferred answer</source>
        <translation>望ましくない回答の編集</translation>
    </message>
    <message>
        <source>Add example</source>
        <translation>例の追加</translation>
    </message>
    <message>
        <source>Add 1 example</source>
        <translation>1件の例の追加</translation>
    </message>
    <message>
        <source>Add %1 examples</source>
        <translation>%1件の例の追加</translation>
    </message>
    <message>
        <source>Delete 1 example</source>
        <translation>1件の例の削除</translation>
    </message>
    <message>
        <source>Delete %1 examples</source>
        <translation>%1件の例の削除</translation>
    </message>
    <message>
        <source>Move example</source>
        <translation>例の移動</translation>
    </message>
    <message>
        <source>Duplicate example</source>
        <translation>例の複製</translation>
    </message>
    <message>
        <source>Remove the system prompt from 1 example</source>
        <translation>1件の例からシステムプロンプトを削除</translation>
    </message>
    <message>
        <source>Remove the system prompt from %1 examples</source>
        <translation>%1件の例からシステムプロンプトを削除</translation>
    </message>
    <message>
        <source>Set the system prompt of 1 example</source>
        <translation>1件の例にシステムプロンプトを設定</translation>
    </message>
    <message>
        <source>Set the system prompt of %1 examples</source>
        <translation>%1件の例にシステムプロンプトを設定</translation>
    </message>
    <message>
        <source>Replace “%1” (once)</source>
        <translation>「%1」の置換 (1回)</translation>
    </message>
    <message>
        <source>Replace “%1” (%2 times)</source>
        <translation>「%1」の置換 (%2回)</translation>
    </message>
    <message>
        <source>Add byte order mark</source>
        <translation>バイトオーダーマークの追加</translation>
    </message>
    <message>
        <source>Remove byte order mark</source>
        <translation>バイトオーダーマークの削除</translation>
    </message>
    <message>
        <source>Normalize line endings</source>
        <translation>改行コードの統一</translation>
    </message>
</context>
<context>
    <name>fs::DatasetError</name>
    <message>
        <source>The file “%1” does not exist.</source>
        <translation>ファイル「%1」が存在しません。</translation>
    </message>
    <message>
        <source>The file “%1” could not be read. Check that you are allowed to open it.</source>
        <translation>ファイル「%1」を読み込めませんでした。開く権限があるか確認してください。</translation>
    </message>
    <message>
        <source>“%1” could not be saved there: the folder or file is not writable. Choose another place with Save As.</source>
        <translation>「%1」をその場所に保存できませんでした。フォルダーまたはファイルに書き込めません。「名前を付けて保存」で別の場所を選んでください。</translation>
    </message>
    <message>
        <source>Saving “%1” failed, perhaps because the disk is full. The file on disk was not changed.</source>
        <translation>「%1」を保存できませんでした。ディスクがいっぱいの可能性があります。ディスク上のファイルは変更されていません。</translation>
    </message>
    <message>
        <source>Opening “%1” was cancelled.</source>
        <translation>「%1」を開く操作はキャンセルされました。</translation>
    </message>
    <message>
        <source>The contents of “%1” could not be understood.</source>
        <translation>「%1」の内容を読み取れませんでした。</translation>
    </message>
    <message>
        <source>“%1” is not an ordinary file (it is a folder, a device or a pipe), so it cannot be read as a dataset.</source>
        <translation>「%1」は通常のファイルではないため (フォルダー、デバイス、またはパイプです)、データセットとして読み込めません。</translation>
    </message>
    <message>
        <source>“%1” is saved as UTF-16, but datasets must be UTF-8. Open it in a text editor and save it as UTF-8 (Save As, then choose the encoding UTF-8), then open it again.</source>
        <translation>「%1」は UTF-16 で保存されていますが、データセットは UTF-8 である必要があります。テキストエディターで開いて UTF-8 で保存し直し (「名前を付けて保存」で文字コードに UTF-8 を選びます)、もう一度開いてください。</translation>
    </message>
</context>
<context>
    <name>fs::DatasetImporter</name>
    <message>
        <source>Row %1 has %2 values but there are only %3 columns; the extra values are ignored.</source>
        <translation>%1行目には値が%2個ありますが、列は%3個しかありません。余分な値は無視されます。</translation>
    </message>
    <message>
        <source>Item %1 is not an object with named fields; it is skipped.</source>
        <translation>項目 %1 は名前付きのフィールドを持つオブジェクトではないため、スキップします。</translation>
    </message>
    <message>
        <source>Line %1 is not a JSON object; it is skipped.</source>
        <translation>%1行目はJSONオブジェクトではないため、スキップします。</translation>
    </message>
    <message>
        <source>there is no column “%1”</source>
        <translation>列「%1」がありません</translation>
    </message>
    <message>
        <source>the column “%1” is empty</source>
        <translation>列「%1」が空です</translation>
    </message>
    <message>
        <source>the user message is empty</source>
        <translation>ユーザーのメッセージが空です</translation>
    </message>
    <message>
        <source>the assistant message is empty</source>
        <translation>アシスタントのメッセージが空です</translation>
    </message>
    <message>
        <source>Row %1: %2.</source>
        <translation>%1行目: %2。</translation>
    </message>
</context>
<context>
    <name>fs::DatasetRecovery</name>
    <message>
        <source>1 example not saved in any file.</source>
        <translation>どのファイルにも保存されていない例が1件あります。</translation>
    </message>
    <message>
        <source>%1 examples not saved in any file.</source>
        <translation>どのファイルにも保存されていない例が%1件あります。</translation>
    </message>
    <message>
        <source>The examples are the same as in the saved file.</source>
        <translation>例は保存済みのファイルと同じです。</translation>
    </message>
    <message>
        <source>1 example changed</source>
        <translation>1件の例を変更</translation>
    </message>
    <message>
        <source>%1 examples changed</source>
        <translation>%1件の例を変更</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1件を追加</translation>
    </message>
    <message>
        <source>1 example added</source>
        <translation>1件の例を追加</translation>
    </message>
    <message>
        <source>%1 examples added</source>
        <translation>%1件の例を追加</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>%1件を削除</translation>
    </message>
    <message>
        <source>1 example deleted</source>
        <translation>1件の例を削除</translation>
    </message>
    <message>
        <source>%1 examples deleted</source>
        <translation>%1件の例を削除</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
</context>
<context>
    <name>fs::DeploymentHub</name>
    <message>
        <source>%1 so far</source>
        <translation>これまでの費用 %1</translation>
    </message>
    <message>
        <source>(%1/hour)</source>
        <translation>(1時間あたり %1)</translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation>稼働時間 %1</translation>
    </message>
    <message>
        <source>not running yet</source>
        <translation>まだ実行されていません</translation>
    </message>
    <message>
        <source>%1 is still being deployed (%2, waited %3): it answers once it runs.</source>
        <translation>%1 はまだデプロイ中です (%2、待ち時間 %3)。実行が始まると回答します。</translation>
    </message>
    <message>
        <source>%1 (%2, %3).</source>
        <translation>%1 (%2、%3)。</translation>
    </message>
    <message>
        <source>It has cost %1 so far and costs $%2 per hour while it runs.</source>
        <translation>これまでの費用は %1 で、実行中は 1 時間あたり $%2 かかります。</translation>
    </message>
    <message>
        <source>It has cost %1 so far.</source>
        <translation>これまでの費用は %1 です。</translation>
    </message>
    <message>
        <source>It costs $%1 per hour while it runs.</source>
        <translation>実行中は 1 時間あたり $%1 かかります。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deployment(s) running</source>
        <translation>
            <numerusform>%Ln件のデプロイが稼働中</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::DeploymentListModel</name>
    <message>
        <source>%1 (waited %2)</source>
        <translation>%1 (待ち時間 %2)</translation>
    </message>
    <message>
        <source>Stopped (not used for a while)</source>
        <translation>停止済み (しばらく使われなかったため)</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>ハードウェア</translation>
    </message>
    <message>
        <source>Price/hour</source>
        <translation>1時間あたりの料金</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>稼働時間</translation>
    </message>
    <message>
        <source>Cost so far</source>
        <translation>これまでの費用</translation>
    </message>
    <message>
        <source>$%1 (estimate)</source>
        <translation>$%1 (概算)</translation>
    </message>
    <message>
        <source>The app&apos;s estimate: the service does not tell the price. The bill shows the real one.</source>
        <translation>アプリによる概算です。サービスは価格を知らせてこないため、実際の価格は請求書で確認してください。</translation>
    </message>
</context>
<context>
    <name>fs::DeploymentManager</name>
    <message>
        <source>%1 could not be started on this hardware: the service reports an error. Nothing is billed for it now. Try other hardware, or try again later.</source>
        <translation>%1 をこのハードウェアで起動できませんでした。サービスがエラーを報告しています。現在、このデプロイには課金されていません。別のハードウェアを選ぶか、後でもう一度お試しください。</translation>
    </message>
    <message>
        <source>%1 stopped before it was ready: the service ended it while it was starting. Nothing is billed for it now. Try again, or try other hardware.</source>
        <translation>%1 は準備が整う前に停止しました。起動中にサービスが終了させました。現在、このデプロイには課金されていません。もう一度試すか、別のハードウェアを選んでください。</translation>
    </message>
    <message>
        <source>less than $0.01</source>
        <translation>$0.01 未満</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1時間</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1時間%2分</translation>
    </message>
    <message>
        <source>Waiting for hardware</source>
        <translation>ハードウェアの空き待ち</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>起動中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>停止処理中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止済み</translation>
    </message>
    <message>
        <source>Failed to start</source>
        <translation>起動に失敗</translation>
    </message>
    <message>
        <source>State not known</source>
        <translation>状態不明</translation>
    </message>
    <message>
        <source>%1 must be deployed first: on this service a fine-tuned model answers only while it runs on hardware of its own, billed while it runs. Use “Deploy to try it”.</source>
        <translation>%1 は先にデプロイする必要があります。このサービスでは、ファインチューニングしたモデルは専用のハードウェア上で実行している間だけ回答し、実行中は課金されます。「デプロイして試す」を使ってください。</translation>
    </message>
</context>
<context>
    <name>fs::DeviceCodeSignIn</name>
    <message>
        <source>The Microsoft sign-in service could not be reached. Check the internet connection and try again.</source>
        <translation>Microsoft のサインインサービスに接続できませんでした。インターネット接続を確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The Microsoft sign-in service did not give a code (HTTP %1).</source>
        <translation>Microsoft のサインインサービスからコードが返されませんでした (HTTP %1)。</translation>
    </message>
    <message>
        <source>The Microsoft sign-in service did not give a code: %1</source>
        <translation>Microsoft のサインインサービスからコードが返されませんでした: %1</translation>
    </message>
    <message>
        <source>The Microsoft sign-in service answered without a token.</source>
        <translation>Microsoft のサインインサービスから、トークンを含まない応答が返されました。</translation>
    </message>
    <message>
        <source>The Microsoft sign-in did not finish: %1</source>
        <translation>Microsoft のサインインが完了しませんでした: %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Asking Microsoft for a sign-in code…</source>
        <translation>Microsoft にサインインコードを要求しています…</translation>
    </message>
    <message>
        <source>Open %1 in your browser, type the code %2 and sign in with the Microsoft account that can manage the Azure OpenAI resource. This window waits until you have.</source>
        <translation>ブラウザーで %1 を開いてコード %2 を入力し、Azure OpenAI リソースを管理できる Microsoft アカウントでサインインしてください。サインインが終わるまで、このウィンドウは待機します。</translation>
    </message>
    <message>
        <source>Signed in. The app keeps the sign-in in the system keychain and renews it by itself.</source>
        <translation>サインインしました。サインイン情報はシステムのキーチェーンに保存され、アプリが自動的に更新します。</translation>
    </message>
    <message>
        <source>The code ran out before the sign-in was finished. Start again to get a new code.</source>
        <translation>サインインが完了する前にコードの有効期限が切れました。もう一度開始して、新しいコードを取得してください。</translation>
    </message>
    <message>
        <source>The sign-in was declined in the browser. Nothing was changed.</source>
        <translation>ブラウザーでサインインが拒否されました。何も変更されていません。</translation>
    </message>
    <message>
        <source>Sign-in cancelled. Nothing was changed.</source>
        <translation>サインインをキャンセルしました。何も変更されていません。</translation>
    </message>
    <message>
        <source>The Microsoft sign-in has ended: sign in again.</source>
        <translation>Microsoft のサインインの有効期限が切れました。もう一度サインインしてください。</translation>
    </message>
    <message>
        <source>The Microsoft sign-in could not be renewed (HTTP %1). Try again later.</source>
        <translation>Microsoft のサインインを更新できませんでした (HTTP %1)。しばらくしてからもう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>fs::ExamplesModel</name>
    <message>
        <source>(not valid JSON) %1</source>
        <translation>(無効なJSON) %1</translation>
    </message>
    <message>
        <source>(no user message)</source>
        <translation>(ユーザーのメッセージなし)</translation>
    </message>
    <message>
        <source>(empty example)</source>
        <translation>(空の例)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>This example has %1 tokens, more than the %2 the model trains on; the end will be cut off.</source>
        <translation>この例は%1トークンあり、モデルが学習できる%2トークンを超えています。末尾は切り捨てられます。</translation>
    </message>
    <message>
        <source>First user message</source>
        <translation>最初のユーザーメッセージ</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>エラー%n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>警告%n件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::FileListModel</name>
    <message>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>削除済み</translation>
    </message>
    <message>
        <source>Fine-tuning data</source>
        <translation>ファインチューニング用データ</translation>
    </message>
    <message>
        <source>Training results</source>
        <translation>学習結果</translation>
    </message>
    <message>
        <source>Batch input</source>
        <translation>バッチ入力</translation>
    </message>
    <message>
        <source>Batch output</source>
        <translation>バッチ出力</translation>
    </message>
    <message>
        <source>Assistants</source>
        <translation>アシスタント</translation>
    </message>
    <message>
        <source>Assistants output</source>
        <translation>アシスタントの出力</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>User data</source>
        <translation>ユーザーデータ</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>無期限</translation>
    </message>
    <message>
        <source>The service could not use this file and gave no reason.</source>
        <translation>サービスはこのファイルを使用できませんでしたが、理由は示されませんでした。</translation>
    </message>
    <message>
        <source>The service is checking the file; this usually takes a few seconds.</source>
        <translation>サービスがファイルを確認しています。通常は数秒で終わります。</translation>
    </message>
    <message>
        <source>%L1 bytes</source>
        <translation>%L1 バイト</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>アップロード日時</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有効期限</translation>
    </message>
</context>
<context>
    <name>fs::FireworksDialect</name>
    <message>
        <source>Enter your Fireworks AI account id in the connection: every request names it.</source>
        <translation>接続に Fireworks AI のアカウント ID を入力してください。すべてのリクエストで使用されます。</translation>
    </message>
    <message>
        <source>Fireworks AI sent %1 in a form this app does not know.</source>
        <translation>Fireworks AI から、このアプリが認識できない形式の%1が返されました。</translation>
    </message>
    <message>
        <source>Fireworks AI sent %1 with an entry this app cannot read.</source>
        <translation>Fireworks AI から返された%1に、このアプリが読み取れない項目が含まれています。</translation>
    </message>
    <message>
        <source>Fireworks AI described a dataset without its name.</source>
        <translation>Fireworks AI から、名前のないデータセットの情報が返されました。</translation>
    </message>
    <message>
        <source>the datasets</source>
        <translation>データセットの一覧</translation>
    </message>
    <message>
        <source>a dataset</source>
        <translation>データセットの情報</translation>
    </message>
    <message>
        <source>a deletion</source>
        <translation>削除の結果</translation>
    </message>
    <message>
        <source>Fireworks AI does not give an uploaded dataset back to this app; the job reports its cost once it runs.</source>
        <translation>Fireworks AI はアップロードしたデータセットの情報をこのアプリに返しません。費用はジョブの実行時に表示されます。</translation>
    </message>
    <message>
        <source>A dataset needs an id to be created.</source>
        <translation>データセットを作成するには ID が必要です。</translation>
    </message>
    <message>
        <source>the upload address</source>
        <translation>アップロード先のアドレス</translation>
    </message>
    <message>
        <source>Fireworks AI did not say where to upload the file.</source>
        <translation>Fireworks AI からファイルのアップロード先が示されませんでした。</translation>
    </message>
    <message>
        <source>Choose a training dataset.</source>
        <translation>学習用のデータセットを選んでください。</translation>
    </message>
    <message>
        <source>Choose a base model.</source>
        <translation>ベースモデルを選んでください。</translation>
    </message>
    <message>
        <source>This app starts only supervised fine-tuning on Fireworks AI.</source>
        <translation>このアプリで Fireworks AI に対して開始できるのは、教師ありファインチューニングだけです。</translation>
    </message>
    <message>
        <source>Fireworks AI takes an absolute learning rate (such as 0.0001), not a learning rate multiplier.</source>
        <translation>Fireworks AI では、学習率の倍率ではなく、学習率そのもの (0.0001 など) を指定します。</translation>
    </message>
    <message>
        <source>Fireworks AI chooses the batch size itself in this app.</source>
        <translation>このアプリでは、バッチサイズは Fireworks AI が自動で決めます。</translation>
    </message>
    <message>
        <source>Fireworks AI does not keep notes (metadata) with a job.</source>
        <translation>Fireworks AI はジョブにメモ (メタデータ) を保存しません。</translation>
    </message>
    <message>
        <source>Fireworks AI takes no seed for a job.</source>
        <translation>Fireworks AI では、ジョブにシードを指定できません。</translation>
    </message>
    <message>
        <source>Fireworks AI trains a LoRA adapter here; full training is not offered.</source>
        <translation>ここでは Fireworks AI が LoRA アダプターを学習します。フル学習は利用できません。</translation>
    </message>
    <message>
        <source>Fireworks AI takes the LoRA rank, but no alpha, dropout, modules, evaluation count or checkpoint count.</source>
        <translation>Fireworks AI で指定できるのは LoRA のランクだけです。アルファ、ドロップアウト、モジュール、評価回数、チェックポイント数は指定できません。</translation>
    </message>
    <message>
        <source>Fireworks AI described a fine-tuning job without its name.</source>
        <translation>Fireworks AI から、名前のないファインチューニングジョブの情報が返されました。</translation>
    </message>
    <message>
        <source>Fireworks AI described a fine-tuning job without its state.</source>
        <translation>Fireworks AI から、状態のないファインチューニングジョブの情報が返されました。</translation>
    </message>
    <message>
        <source>a fine-tuning job</source>
        <translation>ファインチューニングジョブの情報</translation>
    </message>
    <message>
        <source>the list of fine-tuning jobs</source>
        <translation>ファインチューニングジョブの一覧</translation>
    </message>
    <message>
        <source>Fireworks AI has no way to cancel a fine-tuning job; deleting the job stops it.</source>
        <translation>Fireworks AI にはファインチューニングジョブをキャンセルする方法がありません。ジョブを削除すると停止します。</translation>
    </message>
    <message>
        <source>Fireworks AI named a metrics file this app cannot read.</source>
        <translation>Fireworks AI から、このアプリが読み取れない指標ファイルが示されました。</translation>
    </message>
    <message>
        <source>Fireworks AI&apos;s metrics file is not in a form this app knows.</source>
        <translation>Fireworks AI の指標ファイルは、このアプリが認識できない形式です。</translation>
    </message>
    <message>
        <source>Fireworks AI&apos;s metrics file holds a line this app cannot read.</source>
        <translation>Fireworks AI の指標ファイルに、このアプリが読み取れない行があります。</translation>
    </message>
    <message>
        <source>Fireworks AI listed a model without a name.</source>
        <translation>Fireworks AI から、名前のないモデルを含む一覧が返されました。</translation>
    </message>
    <message>
        <source>the models</source>
        <translation>モデルの一覧</translation>
    </message>
    <message>
        <source>The server answered, but not with Fireworks AI&apos;s list of models.</source>
        <translation>サーバーから応答がありましたが、Fireworks AI のモデルの一覧ではありません。</translation>
    </message>
    <message>
        <source>Choose the model to deploy.</source>
        <translation>デプロイするモデルを選んでください。</translation>
    </message>
    <message>
        <source>Fireworks AI described a deployment without its name.</source>
        <translation>Fireworks AI から、名前のないデプロイの情報が返されました。</translation>
    </message>
    <message>
        <source>a deployment</source>
        <translation>デプロイの情報</translation>
    </message>
    <message>
        <source>the list of deployments</source>
        <translation>デプロイの一覧</translation>
    </message>
    <message>
        <source>Fireworks AI&apos;s answer holds no reply.</source>
        <translation>Fireworks AI からの応答に、回答が含まれていません。</translation>
    </message>
</context>
<context>
    <name>fs::FirstFineTuneGuide</name>
    <message>
        <source>less than $0.01</source>
        <translation>$0.01 未満</translation>
    </message>
    <message>
        <source>$%1</source>
        <extracomment>A cost in US dollars; %1 is the amount with two decimals</extracomment>
        <translation>$%1</translation>
    </message>
    <message>
        <source>Should you fine-tune at all?</source>
        <translation>そもそもファインチューニングが必要ですか?</translation>
    </message>
    <message>
        <source>Try a good prompt first.</source>
        <translation>まずはよいプロンプトを試してください。</translation>
    </message>
    <message>
        <source>A clear system message and two or three examples in the prompt already change a model’s tone and format a lot — try that in the Playground. Fine-tune when prompting is not enough: to make answers reliably follow your style or format, or to make long prompts short.</source>
        <translation>分かりやすいシステムメッセージと、プロンプト内の2〜3個の例だけでも、モデルの口調や形式は大きく変わります。まずプレイグラウンドで試してみてください。ファインチューニングは、プロンプトだけでは足りないとき (回答を確実に決まったスタイルや形式に従わせたいときや、長いプロンプトを短くしたいとき) に行います。</translation>
    </message>
    <message>
        <source>At least 10 examples</source>
        <translation>10件以上の例を用意する</translation>
    </message>
    <message>
        <source>Each example is a conversation with the answer you want. The service needs at least 10; 50 to 100 good, varied examples usually show a clear difference.</source>
        <translation>例とは、望ましい回答を含む会話のことです。サービスには10件以上が必要です。よくできた多様な例が50〜100件あると、通常ははっきりした違いが出ます。</translation>
    </message>
    <message>
        <source>No dataset is open yet: open a sample or start a new dataset in Datasets.</source>
        <translation>まだデータセットが開かれていません。「データセット」でサンプルを開くか、新しいデータセットを作成してください。</translation>
    </message>
    <message>
        <source>You have one example.</source>
        <translation>例は1件です。</translation>
    </message>
    <message>
        <source>You have %1 examples.</source>
        <translation>例は%1件です。</translation>
    </message>
    <message>
        <source>Add one more.</source>
        <translation>あと1件追加してください。</translation>
    </message>
    <message>
        <source>Add %1 more.</source>
        <translation>あと%1件追加してください。</translation>
    </message>
    <message>
        <source>Enough to start; 50 to 100 usually show a clearer difference.</source>
        <translation>始めるには十分です。50〜100件あると、通常はよりはっきりした違いが出ます。</translation>
    </message>
    <message>
        <source>No errors in the checks</source>
        <translation>検査でエラーをなくす</translation>
    </message>
    <message>
        <source>The app checks every example as you type, like the service will. Errors make the service refuse the file; warnings are worth a look.</source>
        <translation>アプリは入力に合わせて、すべての例をサービスと同じように検査します。エラーがあるとサービスはファイルを受け付けません。警告も確認しておくとよいでしょう。</translation>
    </message>
    <message>
        <source>Nothing to check yet.</source>
        <translation>まだ検査するものがありません。</translation>
    </message>
    <message>
        <source>Checking the examples…</source>
        <translation>例を検査しています…</translation>
    </message>
    <message>
        <source>One error to fix: see the Problems tab.</source>
        <translation>修正が必要なエラーが1件あります。「問題」タブを確認してください。</translation>
    </message>
    <message>
        <source>%1 errors to fix: see the Problems tab.</source>
        <translation>修正が必要なエラーが%1件あります。「問題」タブを確認してください。</translation>
    </message>
    <message>
        <source>No errors.</source>
        <translation>エラーはありません。</translation>
    </message>
    <message>
        <source>No errors; one warning worth a look.</source>
        <translation>エラーはありません。確認しておきたい警告が1件あります。</translation>
    </message>
    <message>
        <source>No errors; %1 warnings worth a look.</source>
        <translation>エラーはありません。確認しておきたい警告が%1件あります。</translation>
    </message>
    <message>
        <source>Hold out a validation set</source>
        <translation>検証用の例を分けておく</translation>
    </message>
    <message>
        <source>Keep about one example in ten out of training. The service tests the model on them while it trains, so the chart shows whether it learns the task or only memorises your examples.</source>
        <translation>例の10件に1件ほどを学習から外しておきましょう。サービスは学習中にそれらの例でモデルをテストするため、モデルが課題を学んでいるのか、例を暗記しているだけなのかがグラフで分かります。</translation>
    </message>
    <message>
        <source>A validation file is ready.</source>
        <translation>検証用ファイルの準備ができています。</translation>
    </message>
    <message>
        <source>Not yet: File → Export Training and Validation Files…</source>
        <translation>まだです: ファイル → 学習用・検証用ファイルを書き出す…</translation>
    </message>
    <message>
        <source>Know what it will cost</source>
        <translation>費用を確認する</translation>
    </message>
    <message>
        <source>Training is billed per token, for every pass over the examples. The “Tokens and Cost” tab beside the examples shows the estimate and lets you pick the model.</source>
        <translation>学習はトークン単位で、例全体を学習する回数の分だけ課金されます。例の横にある「トークンと費用」タブで、見積もりを確認し、モデルを選べます。</translation>
    </message>
    <message>
        <source>The practice service charges nothing; this is what a real service would bill.</source>
        <translation>練習用サービスでは費用はかかりません。これは本物のサービスで請求される金額です。</translation>
    </message>
    <message>
        <source>Not estimated yet: the tokens are still being counted, or the model’s price is unknown.</source>
        <translation>まだ見積もれていません。トークンを集計中か、モデルの価格が不明です。</translation>
    </message>
    <message>
        <source>Not estimated yet: open a dataset first.</source>
        <translation>まだ見積もれていません。先にデータセットを開いてください。</translation>
    </message>
    <message>
        <source>Estimated cost: %1.</source>
        <translation>費用の見積もり: %1。</translation>
    </message>
    <message>
        <source>Estimated cost: %1 (%2, %3 passes).</source>
        <translation>費用の見積もり: %1 (%2、学習回数 %3)。</translation>
    </message>
    <message>
        <source>Start a training job</source>
        <translation>学習ジョブを開始する</translation>
    </message>
    <message>
        <source>In Jobs, “New job…” uploads the open dataset and starts training. Leave the settings on Auto the first time.</source>
        <translation>「ジョブ」の「新しいジョブ…」で、開いているデータセットをアップロードして学習を開始します。初回は設定を「自動」のままにしておきましょう。</translation>
    </message>
    <message>
        <source>Not yet.</source>
        <translation>まだです。</translation>
    </message>
    <message>
        <source>A job was started.</source>
        <translation>ジョブを開始しました。</translation>
    </message>
    <message>
        <source>%1 jobs were started.</source>
        <translation>ジョブを%1件開始しました。</translation>
    </message>
    <message>
        <source>Look at the chart, then compare</source>
        <translation>グラフを確認してから比較する</translation>
    </message>
    <message>
        <source>Validation loss should fall along with training loss. If it rises while training loss keeps falling, the model is memorising: use fewer passes or more varied examples. Then compare the base and the fine-tuned model in the Playground.</source>
        <translation>検証損失は、学習損失と一緒に下がるのが理想です。学習損失が下がり続けているのに検証損失が上がる場合、モデルは例を暗記しています。学習回数を減らすか、より多様な例を使ってください。そのあと、プレイグラウンドでベースモデルとファインチューニングしたモデルを比較しましょう。</translation>
    </message>
    <message>
        <source>A job finished: look at its chart in Jobs — validation loss should fall.</source>
        <translation>ジョブが完了しました。「ジョブ」でグラフを確認してください (検証損失が下がっているのが理想です)。</translation>
    </message>
    <message>
        <source>A job is running: watch its chart in Jobs.</source>
        <translation>ジョブを実行中です。「ジョブ」でグラフを確認してください。</translation>
    </message>
    <message>
        <source>A job stopped before the end: its events in Jobs say why.</source>
        <translation>ジョブが途中で止まりました。理由は「ジョブ」のメッセージで確認できます。</translation>
    </message>
    <message>
        <source>Waiting for a job to finish.</source>
        <translation>ジョブの完了を待っています。</translation>
    </message>
</context>
<context>
    <name>fs::HyperparameterRange</name>
    <message>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <source>Learning rate multiplier</source>
        <translation>学習率の倍率</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>LoRA rank</source>
        <translation>LoRA のランク</translation>
    </message>
    <message>
        <source>LoRA alpha</source>
        <translation>LoRA のアルファ</translation>
    </message>
    <message>
        <source>LoRA dropout</source>
        <translation>LoRA のドロップアウト</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>ベータ</translation>
    </message>
</context>
<context>
    <name>fs::InstanceChannel</name>
    <message>
        <source>Finetune Studio is already running.</source>
        <translation>Finetune Studio はすでに実行中です。</translation>
    </message>
</context>
<context>
    <name>fs::JobEventModel</name>
    <message>
        <source>Info</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>レベル</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
</context>
<context>
    <name>fs::JobFormRules</name>
    <message>
        <source>%1 must be %2, or automatic.</source>
        <translation>%1 は %2 にするか、「自動」にしてください。</translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation>%1 は整数にしてください。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <source>How many times the model reads the whole training file. More epochs learn your examples more closely, but too many make it repeat them instead of generalising.</source>
        <translation>モデルが学習ファイル全体を読む回数です。エポック数を増やすと例をより忠実に学習しますが、多すぎると一般化せずに例をそのまま繰り返すようになります。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <source>How many examples the model looks at before each adjustment. Larger batches learn more steadily but adjust less often.</source>
        <translation>モデルが1回の調整までに見る例の数です。バッチが大きいほど安定して学習しますが、調整の回数は少なくなります。</translation>
    </message>
    <message>
        <source>Learning rate multiplier</source>
        <translation>学習率の倍率</translation>
    </message>
    <message>
        <source>How big each adjustment is. Higher values learn faster but can overshoot; lower values are careful but may need more epochs.</source>
        <translation>1回の調整の大きさです。値を高くすると速く学習しますが、行き過ぎることがあります。低くすると慎重に学習しますが、より多くのエポックが必要になる場合があります。</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>ベータ</translation>
    </message>
    <message>
        <source>For preference training: higher values keep the model close to how it answered before; lower values follow your preferred answers more strongly.</source>
        <translation>選好の学習用です。値を高くするとモデルは以前の答え方に近いままになり、低くすると望ましい回答により強く従うようになります。</translation>
    </message>
    <message>
        <source>The name suffix may have at most 64 characters.</source>
        <translation>名前のサフィックスは64文字以内にしてください。</translation>
    </message>
    <message>
        <source>The name suffix becomes part of the model&apos;s name: use only letters a-z, digits, &apos;-&apos; and &apos;_&apos; (no spaces).</source>
        <translation>名前のサフィックスはモデル名の一部になります。英字 a-z、数字、「-」、「_」だけを使ってください (空白は使えません)。</translation>
    </message>
    <message>
        <source>The seed must be a whole number from 0 to 2147483647.</source>
        <translation>シードは 0〜2147483647 の整数にしてください。</translation>
    </message>
    <message>
        <source>At most 16 notes (metadata pairs) can be attached to a job.</source>
        <translation>1つのジョブに付けられるメモ (メタデータのペア) は16個までです。</translation>
    </message>
    <message>
        <source>Every note (metadata pair) needs a name.</source>
        <translation>すべてのメモ (メタデータのペア) に名前が必要です。</translation>
    </message>
    <message>
        <source>The note name &quot;%1&quot; is too long: at most 64 characters.</source>
        <translation>メモの名前「%1」が長すぎます。64文字以内にしてください。</translation>
    </message>
    <message>
        <source>The note &quot;%1&quot; is too long: at most 512 characters.</source>
        <translation>メモ「%1」が長すぎます。512文字以内にしてください。</translation>
    </message>
    <message>
        <source>Choose a base model to fine-tune.</source>
        <translation>ファインチューニングするベースモデルを選んでください。</translation>
    </message>
    <message>
        <source>Choose a training file.</source>
        <translation>学習ファイルを選んでください。</translation>
    </message>
    <message>
        <source>The validation file must be a different file from the training file: examples the model trained on say nothing about new questions.</source>
        <translation>検証ファイルには、学習ファイルとは別のファイルを指定してください。モデルが学習した例では、新しい質問にどれだけ答えられるかはわかりません。</translation>
    </message>
    <message>
        <source>Choose supervised training or preference training (DPO).</source>
        <translation>教師あり学習か選好の学習 (DPO) かを選んでください。</translation>
    </message>
    <message>
        <source>(The service says: %1)</source>
        <translation>(サービスからのメッセージ: %1)</translation>
    </message>
    <message>
        <source>%1 is still being checked by the service. Wait a minute, then start the job again; the form keeps your choices.</source>
        <translation>%1 はまだサービスが確認中です。1分ほど待ってから、もう一度ジョブを開始してください。フォームの選択内容はそのまま残ります。</translation>
    </message>
    <message>
        <source>%1 was not accepted: %2 Check it in the Datasets area (Validate), upload it again, and choose the new file.</source>
        <translation>%1 は受け付けられませんでした: %2 「データセット」エリアで確認 (検証) してからもう一度アップロードし、新しいファイルを選んでください。</translation>
    </message>
    <message>
        <source>This base model cannot be fine-tuned with this connection: %1 Choose another model.</source>
        <translation>このベースモデルは、この接続ではファインチューニングできません: %1 別のモデルを選んでください。</translation>
    </message>
    <message>
        <source>%1 must be %2.</source>
        <translation>%1 は %2 にしてください。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>How big each adjustment is, as an exact number (such as 0.00001). Higher values learn faster but can overshoot; lower values are careful but may need more epochs.</source>
        <translation>1回の調整の大きさを、正確な数値 (0.00001 など) で指定します。値を高くすると速く学習しますが、行き過ぎることがあります。低くすると慎重に学習しますが、より多くのエポックが必要になる場合があります。</translation>
    </message>
    <message>
        <source>LoRA rank</source>
        <translation>LoRA のランク</translation>
    </message>
    <message>
        <source>How much the small add-on that LoRA trains can hold. Higher ranks can learn more detail; 8 to 16 suits most tasks.</source>
        <translation>LoRA が学習する小さな追加部分に、どれだけの内容を持たせられるかです。ランクを高くすると細かい点まで学習できます。ほとんどの用途には 8〜16 が適しています。</translation>
    </message>
    <message>
        <source>LoRA alpha</source>
        <translation>LoRA のアルファ</translation>
    </message>
    <message>
        <source>How strongly the add-on&apos;s changes count. Automatic uses twice the rank, which suits most tasks.</source>
        <translation>追加部分による変化をどれだけ強く反映させるかです。「自動」ではランクの2倍を使います。ほとんどの用途にはこれが適しています。</translation>
    </message>
    <message>
        <source>LoRA dropout</source>
        <translation>LoRA のドロップアウト</translation>
    </message>
    <message>
        <source>The share of the add-on left out at random at each step, which helps against learning the examples by heart. 0 turns it off.</source>
        <translation>各ステップで追加部分のうちランダムに使わない割合です。例を丸暗記するのを防ぐのに役立ちます。0 にするとオフになります。</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>How many times during training the model is tried on the validation examples; each try shows in the loss chart. Needs validation examples.</source>
        <translation>学習中に、検証用の例でモデルを試す回数です。各回の結果は損失のグラフに表示されます。検証用の例が必要です。</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>チェックポイント</translation>
    </message>
    <message>
        <source>How many in-between versions of the model are kept, so an earlier one can be tried if later training went too far.</source>
        <translation>学習途中のモデルをいくつ残しておくかです。後半の学習が行き過ぎた場合に、前の段階のモデルを試せます。</translation>
    </message>
    <message>
        <source>Automatic (the largest that fits)</source>
        <translation>自動 (収まる最大の値)</translation>
    </message>
    <message>
        <source>Automatic (twice the rank)</source>
        <translation>自動 (ランクの2倍)</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>自動 (%1)</translation>
    </message>
    <message>
        <source>The name suffix may have at most %1 characters.</source>
        <translation>名前のサフィックスは%1文字以内にしてください。</translation>
    </message>
    <message>
        <source>Beta applies only to preference training (DPO).</source>
        <translation>ベータは、選好の学習 (DPO) でのみ使われます。</translation>
    </message>
    <message>
        <source>Evaluations need validation examples: choose a validation file, or set evaluations to 0.</source>
        <translation>評価には検証用の例が必要です。検証ファイルを選ぶか、評価の回数を 0 にしてください。</translation>
    </message>
    <message>
        <source>%1 does not keep notes (metadata) with a job.</source>
        <translation>%1 では、ジョブにメモ (メタデータ) を付けられません。</translation>
    </message>
    <message>
        <source>%1 cannot be trained in full on %2; choose LoRA.</source>
        <translation>%2 では %1 をフル学習できません。LoRA を選んでください。</translation>
    </message>
    <message>
        <source>%1 cannot be trained with LoRA on %2; choose full training.</source>
        <translation>%2 では %1 を LoRA で学習できません。フル学習を選んでください。</translation>
    </message>
    <message>
        <source>%1 takes an exact learning rate (such as 0.00001), not a multiplier.</source>
        <translation>%1 では、倍率ではなく、学習率そのもの (0.00001 など) を指定します。</translation>
    </message>
    <message>
        <source>LoRA rank, alpha and dropout apply only to LoRA training.</source>
        <translation>LoRA のランク、アルファ、ドロップアウトは、LoRA 学習でのみ使われます。</translation>
    </message>
    <message>
        <source>LoRA training needs a rank: choose one (8 suits most tasks).</source>
        <translation>LoRA 学習にはランクが必要です。ランクを選んでください (ほとんどの用途には 8 が適しています)。</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>提示なし</translation>
    </message>
    <message>
        <source>&lt;b&gt;Price estimated by %1: %2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 による料金の見積もり: %2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(%1 tokens trained, %2 tokens evaluated).</source>
        <translation>(学習 %1トークン、評価 %2トークン)。</translation>
    </message>
    <message>
        <source>(%1 tokens trained).</source>
        <translation>(学習 %1トークン)。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your account may not start this job.&lt;/b&gt; Add credit on %1&apos;s billing page, or train on fewer examples or epochs.</source>
        <translation>&lt;b&gt;お使いのアカウントでは、このジョブを開始できません。&lt;/b&gt;%1 の請求ページでクレジットを追加するか、例やエポック数を減らして学習してください。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your account may not start this job:&lt;/b&gt; its limit is %1. Add credit on %2&apos;s billing page, or train on fewer examples or epochs.</source>
        <translation>&lt;b&gt;お使いのアカウントでは、このジョブを開始できません:&lt;/b&gt; 上限は %1 です。%2 の請求ページでクレジットを追加するか、例やエポック数を減らして学習してください。</translation>
    </message>
    <message>
        <source>Your account may start this job.</source>
        <translation>お使いのアカウントで、このジョブを開始できます。</translation>
    </message>
    <message>
        <source>Your account may start this job (its limit is %1).</source>
        <translation>お使いのアカウントで、このジョブを開始できます (上限は %1 です)。</translation>
    </message>
    <message>
        <source>The service bills what it actually trains.</source>
        <translation>サービスは実際に学習した分を請求します。</translation>
    </message>
    <message>
        <source>%1 could not estimate the price: %2 The job can start once the price is known; check the settings, then press “Estimate Again”.</source>
        <translation>%1 は料金を見積もれませんでした: %2 料金が分かればジョブを開始できます。設定を確認してから「もう一度見積もる」を押してください。</translation>
    </message>
    <message>
        <source>Longest example</source>
        <translation>例の最大長</translation>
    </message>
    <message>
        <source>The longest example, in tokens, that training reads in full; longer ones are cut. Longer limits cost more memory and time.</source>
        <translation>学習で全体が読み込まれる例の最大長 (トークン数) です。これより長い例は切り詰められます。上限を長くするほど、メモリと時間が多く必要になります。</translation>
    </message>
</context>
<context>
    <name>fs::JobHistory</name>
    <message>
        <source>The folder for the job history could not be created: %1</source>
        <translation>ジョブ履歴のフォルダーを作成できませんでした: %1</translation>
    </message>
    <message>
        <source>The job history could not be opened: %1</source>
        <translation>ジョブ履歴を開けませんでした: %1</translation>
    </message>
    <message>
        <source>The job history could not be read or written: %1</source>
        <translation>ジョブ履歴を読み書きできませんでした: %1</translation>
    </message>
    <message>
        <source>The job history was written by a newer version of Finetune Studio. Update the app to use it.</source>
        <translation>ジョブ履歴は新しいバージョンの Finetune Studio で書き込まれています。使用するにはアプリを更新してください。</translation>
    </message>
    <message>
        <source>The job history could not be set up.</source>
        <translation>ジョブ履歴を準備できませんでした。</translation>
    </message>
    <message>
        <source>The job history is not open.</source>
        <translation>ジョブ履歴が開かれていません。</translation>
    </message>
    <message>
        <source>The job history could not be written: %1</source>
        <translation>ジョブ履歴を書き込めませんでした: %1</translation>
    </message>
    <message>
        <source>The job history could not be written.</source>
        <translation>ジョブ履歴を書き込めませんでした。</translation>
    </message>
</context>
<context>
    <name>fs::JobListModel</name>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>ジョブ</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>ベースモデル</translation>
    </message>
    <message>
        <source>Fine-tuned model</source>
        <translation>ファインチューニング済みモデル</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Trained tokens</source>
        <translation>学習したトークン数</translation>
    </message>
</context>
<context>
    <name>fs::JobTexts</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n秒</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1時間</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1時間%2分</translation>
    </message>
    <message>
        <source>Validating files</source>
        <translation>ファイルを検証中</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>almost done</source>
        <translation>まもなく完了</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>残り約%1</translation>
    </message>
    <message>
        <source>The training file has too few examples: the service needs at least 10.</source>
        <translation>学習ファイルの例が少なすぎます。サービスには10件以上が必要です。</translation>
    </message>
    <message>
        <source>A file is not in the format fine-tuning expects (one JSON example per line, with its messages).</source>
        <translation>ファイルがファインチューニングで想定される形式になっていません (1行に1つのJSON形式の例と、そのメッセージ)。</translation>
    </message>
    <message>
        <source>The training file cannot be used.</source>
        <translation>学習ファイルを使用できません。</translation>
    </message>
    <message>
        <source>The validation file cannot be used.</source>
        <translation>検証ファイルを使用できません。</translation>
    </message>
    <message>
        <source>A file is larger than the service allows.</source>
        <translation>ファイルがサービスで許容されるサイズを超えています。</translation>
    </message>
    <message>
        <source>The training data is longer than the service allows for this model.</source>
        <translation>学習データが、このモデルでサービスが許容する長さを超えています。</translation>
    </message>
    <message>
        <source>An example in the file is broken (for instance a message without text, or an unknown role).</source>
        <translation>ファイル内の例が壊れています (たとえば、テキストのないメッセージや不明なロールなど)。</translation>
    </message>
    <message>
        <source>The trained model did not pass the service&apos;s safety checks, so it was not published.</source>
        <translation>学習したモデルがサービスの安全性チェックに合格しなかったため、公開されませんでした。</translation>
    </message>
    <message>
        <source>The service no longer accepts new fine-tuning jobs from this account.</source>
        <translation>サービスは、このアカウントからの新しいファインチューニングジョブを受け付けなくなりました。</translation>
    </message>
    <message>
        <source>The daily limit of fine-tuning jobs for this model has been reached.</source>
        <translation>このモデルのファインチューニングジョブは、本日の上限に達しました。</translation>
    </message>
    <message>
        <source>The account has run out of credit.</source>
        <translation>アカウントのクレジットが残っていません。</translation>
    </message>
    <message>
        <source>The service had an internal problem. Starting the job again usually helps.</source>
        <translation>サービスで内部的な問題が発生しました。通常は、ジョブをもう一度開始すると解決します。</translation>
    </message>
    <message>
        <source>%1 The service says: %2</source>
        <translation>%1 サービスからのメッセージ: %2</translation>
    </message>
</context>
<context>
    <name>fs::JsonlReader</name>
    <message>
        <source>Line %1 is not valid JSON (%2 at character %3). It is kept as it is; fix it or delete it.</source>
        <translation>%1行目は有効なJSONではありません (%3文字目: %2)。そのまま残してあります。修正するか削除してください。</translation>
    </message>
</context>
<context>
    <name>fs::LintFixer</name>
    <message>
        <source>Remove the byte-order mark</source>
        <translation>バイトオーダーマークを削除</translation>
    </message>
    <message>
        <source>Delete the empty message</source>
        <translation>空のメッセージを削除</translation>
    </message>
    <message>
        <source>Remove the reserved tokens</source>
        <translation>予約済みトークンを削除</translation>
    </message>
    <message>
        <source>Fix the weight</source>
        <translation>重みを修正</translation>
    </message>
</context>
<context>
    <name>fs::LintState</name>
    <message>
        <source>A training file holds one format only: move it to a file of its own.</source>
        <translation>1つの学習ファイルに入れられる形式は1つだけです。この例は別のファイルに移してください。</translation>
    </message>
    <message>
        <source>This example is in the preference (DPO) format, but 1 other example is a chat conversation.</source>
        <translation>この例は選好 (DPO) 形式ですが、ほかの1件の例はチャット形式の会話です。</translation>
    </message>
    <message>
        <source>This example is in the preference (DPO) format, but %1 other examples are chat conversations.</source>
        <translation>この例は選好 (DPO) 形式ですが、ほかの%1件の例はチャット形式の会話です。</translation>
    </message>
    <message>
        <source>This example is a chat conversation, but 1 other example is in the preference (DPO) format.</source>
        <translation>この例はチャット形式の会話ですが、ほかの1件の例は選好 (DPO) 形式です。</translation>
    </message>
    <message>
        <source>This example is a chat conversation, but %1 other examples are in the preference (DPO) format.</source>
        <translation>この例はチャット形式の会話ですが、ほかの%1件の例は選好 (DPO) 形式です。</translation>
    </message>
    <message>
        <source>This example is the same as example %1. Repeating an example makes the model learn it twice as hard; delete one or change it.</source>
        <translation>この例は例 %1 と同じです。同じ例が繰り返されると、モデルはその例を2倍強く学習してしまいます。どちらかを削除するか変更してください。</translation>
    </message>
</context>
<context>
    <name>fs::Linter</name>
    <message>
        <source>Message %1</source>
        <translation>メッセージ %1</translation>
    </message>
    <message>
        <source>Prompt message %1</source>
        <translation>プロンプトのメッセージ %1</translation>
    </message>
    <message>
        <source>Preferred answer message %1</source>
        <translation>望ましい回答のメッセージ %1</translation>
    </message>
    <message>
        <source>The preferred answer</source>
        <translation>望ましい回答</translation>
    </message>
    <message>
        <source>Non-preferred answer message %1</source>
        <translation>望ましくない回答のメッセージ %1</translation>
    </message>
    <message>
        <source>The non-preferred answer</source>
        <translation>望ましくない回答</translation>
    </message>
    <message>
        <source>empty (null)</source>
        <translation>空 (null)</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>リスト</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>The list of tools%1 must be a list, but it is %2.</source>
        <translation>%1ツールの一覧はリストである必要がありますが、%2になっています。</translation>
    </message>
    <message>
        <source>is not a tool description</source>
        <translation>ツールの説明になっていません</translation>
    </message>
    <message>
        <source>must have the type “function”</source>
        <translation>種類を「function」にする必要があります</translation>
    </message>
    <message>
        <source>does not describe its function</source>
        <translation>関数の説明がありません</translation>
    </message>
    <message>
        <source>needs a function name made of letters, digits, _ or - (at most 64)</source>
        <translation>英字、数字、_、- からなる関数名 (64文字以内) が必要です</translation>
    </message>
    <message>
        <source>has parameters that are not a JSON schema object</source>
        <translation>パラメーターがJSONスキーマのオブジェクトではありません</translation>
    </message>
    <message>
        <source>repeats the function name “%1”</source>
        <translation>関数名「%1」が重複しています</translation>
    </message>
    <message>
        <source>Tool %1%2 %3.</source>
        <translation>%2ツール %1: %3。</translation>
    </message>
    <message>
        <source>“parallel_tool_calls” must be true or false, but it is %1.</source>
        <translation>「parallel_tool_calls」は true か false にする必要がありますが、%1になっています。</translation>
    </message>
    <message>
        <source>%1 is not a message: it is %2 instead of an object with a role and content.</source>
        <translation>%1 はメッセージではありません。ロールと内容を持つオブジェクトではなく、%2になっています。</translation>
    </message>
    <message>
        <source>%1 has no role. Give it one of system, user, assistant or tool.</source>
        <translation>%1 にロールがありません。system、user、assistant、tool のいずれかを指定してください。</translation>
    </message>
    <message>
        <source> Did you mean “%1”?</source>
        <translation>「%1」のことですか?</translation>
    </message>
    <message>
        <source>%1 has the role “%2”, which the service does not know. Use system, developer, user, assistant or tool.%3</source>
        <translation>%1 のロール「%2」はサービスが認識できません。system、developer、user、assistant、tool のいずれかを使ってください。%3</translation>
    </message>
    <message>
        <source>%1 (%2) has %3 “%4”, which the service does not accept on this kind of message. Remove it.</source>
        <translation>%1 (%2) には、この種類のメッセージでサービスが受け付けない%3 “%4” があります。削除してください。</translation>
    </message>
    <message>
        <source>the field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <source>the fields</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <source>%1 has a name that is not text (it is %2).</source>
        <translation>%1 の名前 (name) がテキストではありません (%2です)。</translation>
    </message>
    <message>
        <source>%1 has a weight, which preference (DPO) examples do not use. Remove it.</source>
        <translation>%1 に重み (weight) がありますが、選好 (DPO) 形式の例では重みを使いません。削除してください。</translation>
    </message>
    <message>
        <source>%1 (%2) has a weight, but only assistant messages can have one. Remove it.</source>
        <translation>%1 (%2) に重み (weight) がありますが、重みを付けられるのはアシスタントのメッセージだけです。削除してください。</translation>
    </message>
    <message>
        <source>%1 has the weight %2. A weight must be 1 (learn from this answer) or 0 (skip it).</source>
        <translation>%1 の重みが %2 になっています。重みは 1 (この回答から学習する) か 0 (学習しない) にしてください。</translation>
    </message>
    <message>
        <source>%1 has no content. Write the text of the message.</source>
        <translation>%1 に内容がありません。メッセージの本文を入力してください。</translation>
    </message>
    <message>
        <source>%1 is empty. Write the text of the message or delete it.</source>
        <translation>%1 が空です。メッセージの本文を入力するか、削除してください。</translation>
    </message>
    <message>
        <source>%1 has no usable text: its content is %2, but it must be text.</source>
        <translation>%1 に使えるテキストがありません。内容が%2になっていますが、テキストである必要があります。</translation>
    </message>
    <message>
        <source>is %1 instead of a text or image part</source>
        <translation>テキストや画像のパートではなく、%1になっています</translation>
    </message>
    <message>
        <source>has no text</source>
        <translation>テキストがありません</translation>
    </message>
    <message>
        <source>is an image, but only user messages can contain images</source>
        <translation>画像ですが、画像を含められるのはユーザーのメッセージだけです</translation>
    </message>
    <message>
        <source>is an image without an address (image_url.url)</source>
        <translation>アドレス (image_url.url) のない画像です</translation>
    </message>
    <message>
        <source>has the type “%1”; training data can only contain text and images</source>
        <translation>種類が「%1」です。学習データに含められるのはテキストと画像だけです</translation>
    </message>
    <message>
        <source>Part %1 of %2 %3.</source>
        <translation>%2のパート %1: %3。</translation>
    </message>
    <message>
        <source>%1 has “tool_calls” that are not a list of calls. Remove the field or add the calls.</source>
        <translation>%1 の「tool_calls」が呼び出しのリストになっていません。このフィールドを削除するか、呼び出しを追加してください。</translation>
    </message>
    <message>
        <source>%1 calls %2 tools at once, but this example turns parallel tool calls off.</source>
        <translation>%1 は%2個のツールを同時に呼び出していますが、この例では並列ツール呼び出しがオフになっています。</translation>
    </message>
    <message>
        <source>Tool call %1 of %2</source>
        <translation>%2のツール呼び出し %1</translation>
    </message>
    <message>
        <source>The tool call of %1</source>
        <translation>%1のツール呼び出し</translation>
    </message>
    <message>
        <source>%1 is not a call (it is %2).</source>
        <translation>%1 が呼び出しになっていません (%2です)。</translation>
    </message>
    <message>
        <source>%1 has no id. Tool answers refer to their call by its id.</source>
        <translation>%1 にIDがありません。ツールの回答は、IDで対応する呼び出しを示します。</translation>
    </message>
    <message>
        <source>%1 uses the id “%2” a second time. Each call needs its own id.</source>
        <translation>%1 はID「%2」を重複して使っています。呼び出しごとに別のIDが必要です。</translation>
    </message>
    <message>
        <source>%1 must have the type “function”.</source>
        <translation>%1 の種類は「function」にする必要があります。</translation>
    </message>
    <message>
        <source>%1 does not say which function it calls.</source>
        <translation>%1 に、呼び出す関数が指定されていません。</translation>
    </message>
    <message>
        <source>%1 has no function name.</source>
        <translation>%1 に関数名がありません。</translation>
    </message>
    <message>
        <source>%1 calls “%2”, which is not in this example&apos;s list of tools.</source>
        <translation>%1 が呼び出している「%2」は、この例のツール一覧にありません。</translation>
    </message>
    <message>
        <source>%1 has arguments that are not written as JSON text (they are %2).</source>
        <translation>%1 の引数がJSONテキストとして書かれていません (%2です)。</translation>
    </message>
    <message>
        <source>%1 has arguments that are not valid JSON (%2 at character %3).</source>
        <translation>%1 の引数が有効なJSONではありません (%3文字目: %2)。</translation>
    </message>
    <message>
        <source>%1 has a function call without a function name.</source>
        <translation>%1 に関数名のない関数呼び出しがあります。</translation>
    </message>
    <message>
        <source>%1 has a function call whose arguments are not JSON text.</source>
        <translation>%1 に、引数がJSONテキストでない関数呼び出しがあります。</translation>
    </message>
    <message>
        <source>%1 has a function call whose arguments are not valid JSON.</source>
        <translation>%1 に、引数が有効なJSONでない関数呼び出しがあります。</translation>
    </message>
    <message>
        <source>%1 is a tool answer without “tool_call_id”: say which call it answers.</source>
        <translation>%1 は「tool_call_id」のないツールの回答です。どの呼び出しへの回答かを指定してください。</translation>
    </message>
    <message>
        <source>%1 answers the tool call “%2”, but no earlier assistant message made a call with that id.</source>
        <translation>%1 はツール呼び出し「%2」への回答ですが、それより前のアシスタントのメッセージに、そのIDの呼び出しがありません。</translation>
    </message>
    <message>
        <source>%1 answers the tool call “%2” a second time.</source>
        <translation>%1 はツール呼び出し「%2」に重複して回答しています。</translation>
    </message>
    <message>
        <source>%1 contains %2, reserved by the service for its own use; a file with it is refused (“invalid token”). Remove it.</source>
        <translation>%1 に、サービスが内部用に予約している %2 が含まれています。これを含むファイルは拒否されます (「invalid token」)。削除してください。</translation>
    </message>
    <message>
        <source>This example has no assistant message, so there is no answer to learn from. Add the answer you want.</source>
        <translation>この例にはアシスタントのメッセージがないため、学習する回答がありません。期待する回答を追加してください。</translation>
    </message>
    <message>
        <source>This example has no system message. Examples usually start with the same instructions the model will get when you use it.</source>
        <translation>この例にはシステムメッセージがありません。通常、例は、モデルを使うときに与えるのと同じ指示から始めます。</translation>
    </message>
    <message>
        <source>This example has no user message, so the answer has no question to learn from.</source>
        <translation>この例にはユーザーのメッセージがないため、回答に対応する質問がありません。</translation>
    </message>
    <message>
        <source>This example has %1 images; the service accepts at most 10 per example.</source>
        <translation>この例には画像が%1枚あります。サービスが受け付けるのは1つの例につき10枚までです。</translation>
    </message>
    <message>
        <source>This example mixes the two formats: it has “messages” (a chat) and also preference (DPO) fields. Keep one of them.</source>
        <translation>この例には2つの形式が混在しています。「messages」(チャット) と選好 (DPO) のフィールドの両方があります。どちらか一方だけにしてください。</translation>
    </message>
    <message>
        <source>This example is in the old prompt/completion format, which chat models do not accept. It needs a list of messages.</source>
        <translation>この例は古い prompt/completion 形式で、チャットモデルでは使えません。メッセージのリストが必要です。</translation>
    </message>
    <message>
        <source>This example has no list of messages (“messages”).</source>
        <translation>この例にはメッセージのリスト (「messages」) がありません。</translation>
    </message>
    <message>
        <source>The messages of this example are %1 instead of a list.</source>
        <translation>この例のメッセージがリストではなく、%1になっています。</translation>
    </message>
    <message>
        <source>This example has no messages. Add at least a user message and the assistant&apos;s answer.</source>
        <translation>この例にはメッセージがありません。少なくともユーザーのメッセージとアシスタントの回答を追加してください。</translation>
    </message>
    <message>
        <source>This preference example has no prompt (“input”).</source>
        <translation>この選好形式の例にはプロンプト (「input」) がありません。</translation>
    </message>
    <message>
        <source>The prompt (“input”) of this preference example is %1 instead of an object with messages.</source>
        <translation>この選好形式の例のプロンプト (「input」) が、メッセージを含むオブジェクトではなく%1になっています。</translation>
    </message>
    <message>
        <source> of the prompt</source>
        <translation>プロンプトの</translation>
    </message>
    <message>
        <source>The prompt (“input”) of this preference example has no messages. Add at least the user&apos;s question.</source>
        <translation>この選好形式の例のプロンプト (「input」) にメッセージがありません。少なくともユーザーの質問を追加してください。</translation>
    </message>
    <message>
        <source>The prompt ends with an assistant message. In a preference example the two answers are the assistant&apos;s last turn, so the prompt must end with the user.</source>
        <translation>プロンプトがアシスタントのメッセージで終わっています。選好形式の例では2つの回答がアシスタントの最後の発言になるため、プロンプトはユーザーのメッセージで終わる必要があります。</translation>
    </message>
    <message>
        <source>preferred answer</source>
        <translation>望ましい回答</translation>
    </message>
    <message>
        <source>non-preferred answer</source>
        <translation>望ましくない回答</translation>
    </message>
    <message>
        <source>This preference example names its %1 “%2”; the service expects “%3”. Rename the field.</source>
        <translation>この選好形式の例では%1の名前が「%2」になっていますが、サービスが想定している名前は「%3」です。フィールド名を変更してください。</translation>
    </message>
    <message>
        <source>This preference example has no %1 (“%2”).</source>
        <translation>この選好形式の例には%1 (「%2」) がありません。</translation>
    </message>
    <message>
        <source>The %1 has %2 messages; it must be exactly one assistant message.</source>
        <translation>%1にメッセージが%2個あります。アシスタントのメッセージ1つだけにする必要があります。</translation>
    </message>
    <message>
        <source>The %1 has the role “%2”; it must be an assistant message.</source>
        <translation>%1のロールが「%2」になっています。アシスタントのメッセージにする必要があります。</translation>
    </message>
    <message>
        <source>This preference example contains images. Preference (DPO) training takes text only.</source>
        <translation>この選好形式の例には画像が含まれています。選好 (DPO) の学習で使えるのはテキストだけです。</translation>
    </message>
    <message>
        <source>The preferred and the non-preferred answers are the same, so there is nothing to prefer. Change one of them.</source>
        <translation>望ましい回答と望ましくない回答が同じため、どちらを選ぶかの違いがありません。どちらかを変更してください。</translation>
    </message>
    <message>
        <source>This line starts with an invisible byte-order mark, which makes it unreadable for the service. Delete the line&apos;s first character.</source>
        <translation>この行は目に見えないバイトオーダーマーク (BOM) で始まっているため、サービスが読み取れません。行の先頭の1文字を削除してください。</translation>
    </message>
    <message>
        <source>This line is not valid JSON (%1 at character %2). Each line must be one complete example.</source>
        <translation>この行は有効なJSONではありません (%2文字目: %1)。各行を1つの完全な例にしてください。</translation>
    </message>
    <message>
        <source>This line is %1, not an example. Each line must be one JSON object like {&quot;messages&quot;: […]}.</source>
        <translation>この行は例ではなく、%1です。各行を {&quot;messages&quot;: […]} のような1つのJSONオブジェクトにしてください。</translation>
    </message>
    <message>
        <source>a single value</source>
        <translation>単一の値</translation>
    </message>
    <message>
        <source>This example has %L1 tokens, more than the %L2 that %3 trains on. The service cuts it at the end, so the last part is lost.</source>
        <translation>この例は%L1トークンあり、%3 が学習できる%L2トークンを超えています。サービスが末尾を切り捨てるため、最後の部分は失われます。</translation>
    </message>
    <message>
        <source>The file starts with an invisible byte-order mark. The service then reads line 1 as broken (“Line 1 is not a dictionary”). Remove it.</source>
        <translation>ファイルが目に見えないバイトオーダーマーク (BOM) で始まっています。このままでは、サービスは1行目を壊れていると判断します (「Line 1 is not a dictionary」)。削除してください。</translation>
    </message>
    <message>
        <source>The file has 1 example. The service needs at least 10, and 50 to 100 well-made examples usually give better results.</source>
        <translation>このファイルの例は1件です。サービスには10件以上が必要で、よくできた例が50〜100件あると、通常はよりよい結果になります。</translation>
    </message>
    <message>
        <source>The file has %1 examples. The service needs at least 10, and 50 to 100 well-made examples usually give better results.</source>
        <translation>このファイルの例は%1件です。サービスには10件以上が必要で、よくできた例が50〜100件あると、通常はよりよい結果になります。</translation>
    </message>
    <message>
        <source>This example contains a NUL character (written \u0000), which the service refuses. Remove it.</source>
        <translation>この例には NUL 文字 (\u0000 と書かれたもの) が含まれていますが、サービスはこれを受け付けません。削除してください。</translation>
    </message>
    <message>
        <source>This file is saved as UTF-16, but the service reads only UTF-8. Save it as UTF-8 (in most editors: Save As, then choose the encoding UTF-8) and check it again.</source>
        <translation>このファイルは UTF-16 で保存されていますが、サービスは UTF-8 しか読み込めません。UTF-8 で保存し直して (多くのエディターでは「名前を付けて保存」で文字コードに UTF-8 を選びます)、もう一度検査してください。</translation>
    </message>
    <message>
        <source>This line is %1 long, far more than the service accepts for one example (about 128,000 tokens, a few hundred kB of text), so it was not checked further. Shorten it or split it into several examples.</source>
        <translation>この行は %1 あり、サービスが 1 つの例として受け付ける長さ (約 128,000 トークン、数百 kB のテキスト) を大きく超えているため、これ以上検査していません。短くするか、複数の例に分けてください。</translation>
    </message>
</context>
<context>
    <name>fs::Mapper</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>The app does not know %1&apos;s training settings yet, so it cannot carry this job&apos;s settings from %2 to %3.</source>
        <translation>このアプリはまだ%1の学習設定に対応していないため、このジョブの設定を%2から%3に引き継ぐことができません。</translation>
    </message>
    <message>
        <source>Training type</source>
        <translation>学習の種類</translation>
    </message>
    <message>
        <source>%1 decides how it trains; the choice is left to it.</source>
        <translation>学習方法は%1が決めるため、選択はサービスに任せます。</translation>
    </message>
    <message>
        <source>%1 did not say how it trained. %2 lets you choose; LoRA trains a small add-on, which is faster and cheaper and suits keeping a model&apos;s manner of answering.</source>
        <translation>%1からは学習方法が示されませんでした。%2では選択できます。LoRA は小さな追加部分を学習するため、速くて安く、モデルの答え方を保つのに適しています。</translation>
    </message>
    <message>
        <source>The same way of training as before.</source>
        <translation>以前と同じ学習方法です。</translation>
    </message>
    <message>
        <source>Automatic before; %1 needs a number, so its usual value is used.</source>
        <translation>以前は自動でしたが、%1では数値が必要なため、通常の値を使用します。</translation>
    </message>
    <message>
        <source>Automatic before, automatic again: %1 chooses it.</source>
        <translation>以前と同じく自動です: %1が決定します。</translation>
    </message>
    <message>
        <source>The same setting on both services: the number is kept.</source>
        <translation>両方のサービスで同じ設定のため、数値はそのまま引き継がれます。</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Both services scale their own learning rate by this multiplier: the number is kept.</source>
        <translation>両方のサービスとも、この倍率で各自の学習率を調整するため、数値はそのまま引き継がれます。</translation>
    </message>
    <message>
        <source>Both services take the learning rate itself: the number is kept.</source>
        <translation>両方のサービスとも学習率そのものを指定するため、数値はそのまま引き継がれます。</translation>
    </message>
    <message>
        <source>%1 publishes no usual learning rate to scale the multiplier by. Enter a learning rate for %1 yourself.</source>
        <translation>%1は倍率の基準となる通常の学習率を公開していません。%1の学習率をご自分で入力してください。</translation>
    </message>
    <message>
        <source>%1 multiplies a learning rate it does not publish by this number; %2 takes the rate itself. A multiplier of 1 is read as %2&apos;s usual rate (%3), so %4 becomes %5.</source>
        <translation>%1は公開していない学習率にこの数値を掛けますが、%2は学習率そのものを指定します。倍率 1 を%2の通常の学習率 (%3) とみなすため、%4は%5になります。</translation>
    </message>
    <message>
        <source>%1 publishes no usual learning rate, so its rate cannot be turned into a multiplier. Enter a multiplier for %2 yourself.</source>
        <translation>%1は通常の学習率を公開していないため、学習率を倍率に変換できません。%2の倍率をご自分で入力してください。</translation>
    </message>
    <message>
        <source>%1 takes the learning rate itself; %2 multiplies a rate it does not publish. %1&apos;s usual rate (%3) is read as a multiplier of 1, so %4 becomes %5.</source>
        <translation>%1は学習率そのものを指定しますが、%2は公開していない学習率に倍率を掛けます。%1の通常の学習率 (%3) を倍率 1 とみなすため、%4は%5になります。</translation>
    </message>
    <message>
        <source>Not a setting on %1</source>
        <translation>%1にはない設定</translation>
    </message>
    <message>
        <source>%1 has no such setting, so %2&apos;s usual value is used.</source>
        <translation>%1にはこの設定がないため、%2の通常の値を使用します。</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>除外</translation>
    </message>
    <message>
        <source>%1 has no such setting; it decides this itself.</source>
        <translation>%1にはこの設定がなく、自動で決定されます。</translation>
    </message>
    <message>
        <source>%1 would be outside what %2 allows (%3), so the nearest allowed value is used.</source>
        <translation>%1は%2の許容範囲 (%3) を超えるため、最も近い許容値を使用します。</translation>
    </message>
    <message>
        <source>%1 allows %2 %3; the old job&apos;s setting becomes %4. Choose a value in that range.</source>
        <translation>%1で指定できる%2は%3です。以前のジョブの設定は%4になります。この範囲内の値を選んでください。</translation>
    </message>
</context>
<context>
    <name>fs::Message</name>
    <message>
        <source>This is not valid JSON (%1 at character %2).</source>
        <translation>有効なJSONではありません (%2文字目: %1)。</translation>
    </message>
    <message>
        <source>Each tool call must be an object in curly braces { }.</source>
        <translation>各ツール呼び出しは、波かっこ { } で囲んだオブジェクトにしてください。</translation>
    </message>
</context>
<context>
    <name>fs::Metrics</name>
    <message>
        <source>Training loss</source>
        <translation>学習損失</translation>
    </message>
    <message>
        <source>Training token accuracy</source>
        <translation>学習トークン正解率</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>検証損失</translation>
    </message>
    <message>
        <source>Validation token accuracy</source>
        <translation>検証トークン正解率</translation>
    </message>
    <message>
        <source>Full validation loss</source>
        <translation>全体の検証損失</translation>
    </message>
    <message>
        <source>Full validation token accuracy</source>
        <translation>全体の検証トークン正解率</translation>
    </message>
    <message>
        <source>Since step %1 the validation loss has been rising while the training loss keeps falling: the model is starting to memorise the training examples instead of learning from them (overfitting). A checkpoint from around step %1, or fewer epochs, will probably work better on new questions.</source>
        <translation>ステップ %1 以降、学習損失は下がり続けているのに検証損失が上がっています。モデルが学習用の例から学ぶのではなく、例を暗記し始めています (過学習)。ステップ %1 前後のチェックポイントを使うか、エポック数を減らすと、新しい質問に対してよりよい結果になるでしょう。</translation>
    </message>
</context>
<context>
    <name>fs::MigrationFlow</name>
    <message>
        <source>The capture has %1 answered examples; moving needs at least %2 (%3 to train on and %4 kept back for the check). Capture more prompts.</source>
        <translation>収集した回答付きの例は%1件です。移行するには少なくとも%2件 (学習用に%3件、確認用に%4件) が必要です。さらにプロンプトの回答を収集してください。</translation>
    </message>
    <message>
        <source>Choose the captured answers first.</source>
        <translation>先に、収集した回答を選んでください。</translation>
    </message>
    <message>
        <source>The captured answers have problems a service would refuse (%1). Open the file in the Datasets area, fix them, and split again.</source>
        <translation>収集した回答に、サービスに拒否される問題があります (%1)。「データセット」でファイルを開いて修正し、もう一度分割してください。</translation>
    </message>
    <message>
        <source>With %1 examples, keeping %2% back leaves %3 to train on and %4 for the check; at least %5 and %6 are needed. Change the share kept back or capture more prompts.</source>
        <translation>%1件の例から%2%を取り分けると、学習用が%3件、確認用が%4件になります。少なくとも%5件と%6件が必要です。取り分ける割合を変更するか、さらにプロンプトの回答を収集してください。</translation>
    </message>
    <message>
        <source>Split the captured answers first.</source>
        <translation>先に、収集した回答を分割してください。</translation>
    </message>
    <message>
        <source>Choose a connection and a base model to train.</source>
        <translation>接続と、学習するベースモデルを選んでください。</translation>
    </message>
    <message>
        <source>Choose a base model to see the price.</source>
        <translation>ベースモデルを選ぶと、料金が表示されます。</translation>
    </message>
    <message>
        <source>%1 states the price once the training part is uploaded; you see it before training starts.</source>
        <translation>%1は学習用データのアップロード後に料金を提示します。料金は学習の開始前に確認できます。</translation>
    </message>
    <message>
        <source>The price is not known: the training part could not be read.</source>
        <translation>料金は不明です: 学習用データを読み込めませんでした。</translation>
    </message>
    <message>
        <source>The price of %1 is not in the price table: %2 tokens would be billed.</source>
        <translation>%1の価格が価格表にありません: %2トークンが課金対象になります。</translation>
    </message>
    <message>
        <source>Estimated training cost: %1 (%2 examples × %3 epochs, %4 tokens at %5 per million). The service bills what it actually trains.</source>
        <translation>学習費用の見積もり: %1 (%2件の例 × %3エポック、%4トークン、100万トークンあたり %5)。実際の請求額は、サービスが実際に学習した量に基づきます。</translation>
    </message>
    <message>
        <source>The job ended without a model (%1).</source>
        <translation>ジョブはモデルを作成せずに終了しました (%1)。</translation>
    </message>
    <message>
        <source>Training did not finish: %1 Check the settings and start it again.</source>
        <translation>学習が完了しませんでした: %1 設定を確認して、もう一度開始してください。</translation>
    </message>
    <message>
        <source>There is no new model to deploy yet.</source>
        <translation>デプロイする新しいモデルはまだありません。</translation>
    </message>
    <message>
        <source>There is no new model to check yet.</source>
        <translation>確認する新しいモデルはまだありません。</translation>
    </message>
    <message>
        <source>Capture answers</source>
        <translation>回答の収集</translation>
    </message>
    <message>
        <source>Check and split</source>
        <translation>検査と分割</translation>
    </message>
    <message>
        <source>Choose the new service</source>
        <translation>新しいサービスの選択</translation>
    </message>
    <message>
        <source>Upload and train</source>
        <translation>アップロードと学習</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>デプロイ</translation>
    </message>
    <message>
        <source>Parity check</source>
        <translation>同等性チェック</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Moving %1: capture its answers first.</source>
        <translation>%1の移行: まず回答を収集してください。</translation>
    </message>
    <message>
        <source>Moving %1: %2 answers captured; check and split them next.</source>
        <translation>%1の移行: %2件の回答を収集しました。次に、検査して分割してください。</translation>
    </message>
    <message>
        <source>Moving %1: %2 examples to train on, %3 kept back; choose where to train.</source>
        <translation>%1の移行: 学習用の例が%2件、取り分けた例が%3件です。学習先を選んでください。</translation>
    </message>
    <message>
        <source>Moving %1 to %2: ready to upload and train %3.</source>
        <translation>%1を%2に移行中: %3をアップロードして学習する準備ができました。</translation>
    </message>
    <message>
        <source>Moving %1 to %2: training (job %3).</source>
        <translation>%1を%2に移行中: 学習しています (ジョブ %3)。</translation>
    </message>
    <message>
        <source>Moving %1 to %2: %3 is trained; deploy it to try it.</source>
        <translation>%1を%2に移行中: %3の学習が完了しました。デプロイして試してください。</translation>
    </message>
    <message>
        <source>Moving %1 to %2: check %3 against the old answers.</source>
        <translation>%1を%2に移行中: %3を以前の回答と比較して確認してください。</translation>
    </message>
    <message>
        <source>Moved %1 to %2 as %3; the parity report is at %4.</source>
        <translation>%1を%3として%2に移行しました。同等性のレポートは %4 にあります。</translation>
    </message>
</context>
<context>
    <name>fs::MigrationStore</name>
    <message>
        <source>The job history could not be opened: %1</source>
        <translation>ジョブ履歴を開けませんでした: %1</translation>
    </message>
    <message>
        <source>The job history could not be set up: %1</source>
        <translation>ジョブ履歴を準備できませんでした: %1</translation>
    </message>
    <message>
        <source>The job history is not open.</source>
        <translation>ジョブ履歴が開かれていません。</translation>
    </message>
    <message>
        <source>The job history could not be written: %1</source>
        <translation>ジョブ履歴を書き込めませんでした: %1</translation>
    </message>
    <message>
        <source>The job history could not be read: %1</source>
        <translation>ジョブ履歴を読み込めませんでした: %1</translation>
    </message>
</context>
<context>
    <name>fs::ModelRegistry</name>
    <message>
        <source>more than %1</source>
        <translation>%1より大きい値</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>%1以上</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1〜%2</translation>
    </message>
    <message>
        <source>less than %1</source>
        <translation>%1未満</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>%1以下</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、かつ%2</translation>
    </message>
    <message>
        <source>%1 must be %2.</source>
        <translation>%1 は %2 にしてください。</translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation>%1 は整数にしてください。</translation>
    </message>
    <message>
        <source>%1 has no setting “%2”.</source>
        <translation>%1 には「%2」という設定がありません。</translation>
    </message>
</context>
<context>
    <name>fs::OpenAiDialect</name>
    <message>
        <source>the files</source>
        <translation>ファイルの一覧</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>ファイルの情報</translation>
    </message>
    <message>
        <source>a deletion</source>
        <translation>削除の結果</translation>
    </message>
    <message>
        <source>OpenAI has no LoRA training: it chooses how to train by itself.</source>
        <translation>OpenAI には LoRA 学習がありません。学習方法は OpenAI が自動で選びます。</translation>
    </message>
    <message>
        <source>OpenAI has no choice between full and LoRA training.</source>
        <translation>OpenAI では、フル学習と LoRA 学習を選ぶことはできません。</translation>
    </message>
    <message>
        <source>OpenAI takes a learning rate multiplier, not an absolute learning rate.</source>
        <translation>OpenAI では、学習率そのものではなく、学習率の倍率を指定します。</translation>
    </message>
    <message>
        <source>OpenAI has no setting for the number of evaluations or checkpoints.</source>
        <translation>OpenAI には、評価やチェックポイントの回数を指定する設定がありません。</translation>
    </message>
    <message>
        <source>a job</source>
        <translation>ジョブの情報</translation>
    </message>
    <message>
        <source>the jobs</source>
        <translation>ジョブの一覧</translation>
    </message>
    <message>
        <source>the job&apos;s events</source>
        <translation>ジョブのメッセージ</translation>
    </message>
    <message>
        <source>the job&apos;s checkpoints</source>
        <translation>ジョブのチェックポイント</translation>
    </message>
    <message>
        <source>the models</source>
        <translation>モデルの一覧</translation>
    </message>
    <message>
        <source>an answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>%1 sent %2 whose “%3” is missing or not text.</source>
        <translation>%1 から送られた%2に「%3」がないか、テキストではありません。</translation>
    </message>
    <message>
        <source>%1 sent %2 without the list itself (“data” is missing or not a list).</source>
        <translation>%1 から送られた%2に一覧そのものがありません (「data」がないか、一覧ではありません)。</translation>
    </message>
    <message>
        <source>%1 sent %2 in which entry %3 is not a description of one item.</source>
        <translation>%1 から送られた%2の項目 %3 が、1つの項目の説明になっていません。</translation>
    </message>
    <message>
        <source>%1 sent %2 in which entry %3 has no “%4” (or not as text).</source>
        <translation>%1 から送られた%2の項目 %3 に「%4」がありません (またはテキストではありません)。</translation>
    </message>
    <message>
        <source>%1 sent %2 whose “has_more” is neither true nor false.</source>
        <translation>%1 から送られた%2の「has_more」が true でも false でもありません。</translation>
    </message>
</context>
<context>
    <name>fs::ParityCheck</name>
    <message>
        <source>the old model</source>
        <translation>旧モデル</translation>
    </message>
    <message>
        <source>There are no held-out prompts to check with.</source>
        <translation>確認に使う評価用プロンプトがありません。</translation>
    </message>
</context>
<context>
    <name>fs::ParityReport</name>
    <message>
        <source>Parity check: %1 against %2</source>
        <translation>同等性チェック: %1 と %2 の比較</translation>
    </message>
    <message>
        <source>Does the new model answer like the old one?</source>
        <translation>新モデルは旧モデルと同じように回答しますか?</translation>
    </message>
    <message>
        <source>Old: %1. New: %2.</source>
        <translation>旧: %1。新: %2。</translation>
    </message>
    <message>
        <source>Checked on %1 with %2 held-out prompts: the old model&apos;s answers against the new model&apos;s.</source>
        <translation>%1 に %2 件の評価用プロンプトで確認しました: 旧モデルの回答と新モデルの回答を比較しています。</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Old model</source>
        <translation>旧モデル</translation>
    </message>
    <message>
        <source>New model</source>
        <translation>新モデル</translation>
    </message>
    <message>
        <source>Held-out prompts</source>
        <translation>評価用プロンプト</translation>
    </message>
    <message>
        <source>Answered by the new model</source>
        <translation>新モデルの回答数</translation>
    </message>
    <message>
        <source>No answer (errors)</source>
        <translation>回答なし (エラー)</translation>
    </message>
    <message>
        <source>Blind round</source>
        <translation>ブラインド評価</translation>
    </message>
    <message>
        <source>Nobody rated answers without knowing which model wrote them. The verdict rests on the ROUGE figures alone.</source>
        <translation>どのモデルの回答かを伏せた評価はまだ誰も行っていません。判定は ROUGE の数値のみに基づいています。</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>New model preferred</source>
        <translation>新モデルがよい</translation>
    </message>
    <message>
        <source>Old model preferred</source>
        <translation>旧モデルがよい</translation>
    </message>
    <message>
        <source>Equally good</source>
        <translation>同程度によい</translation>
    </message>
    <message>
        <source>Both bad</source>
        <translation>どちらもよくない</translation>
    </message>
    <message>
        <source>New model&apos;s share (ties count half)</source>
        <translation>新モデルの得票率 (引き分けは0.5票)</translation>
    </message>
    <message>
        <source>%1% (95% interval %2% to %3%)</source>
        <translation>%1% (95% 区間: %2%〜%3%)</translation>
    </message>
    <message>
        <source>The answer that differs most</source>
        <translation>最も異なる回答</translation>
    </message>
    <message>
        <source>The %1 answers that differ most</source>
        <translation>最も異なる %1 件の回答</translation>
    </message>
    <message>
        <source>No answers yet.</source>
        <translation>まだ回答がありません。</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>Old answer</source>
        <translation>旧回答</translation>
    </message>
    <message>
        <source>New answer</source>
        <translation>新回答</translation>
    </message>
    <message>
        <source>ROUGE-L</source>
        <translation>ROUGE-L</translation>
    </message>
    <message>
        <source>How the verdict is decided</source>
        <translation>判定の決め方</translation>
    </message>
    <message>
        <source>ROUGE counts the words (ROUGE-1), word pairs (ROUGE-2) and the longest run of words in the same order (ROUGE-L) that a new answer shares with the old answer to the same prompt, as Google&apos;s rouge-score computes them (F-measure).</source>
        <translation>ROUGE は、同じプロンプトに対する新しい回答が旧回答と共有する単語 (ROUGE-1)、単語ペア (ROUGE-2)、同じ順序で並ぶ最長の単語列 (ROUGE-L) を数えます。計算方法は Google の rouge-score と同じです (F値)。</translation>
    </message>
    <message>
        <source>An average ROUGE-L of %1 or more counts as answering much like the old model; %2 to %1 as similar things in other words; below %2 as answering differently.</source>
        <translation>ROUGE-L の平均が %1 以上なら旧モデルとほぼ同じ回答、%2〜%1 なら言い回しは違っても似た内容、%2 未満なら異なる回答とみなします。</translation>
    </message>
    <message>
        <source>The blind round decides only with at least %1 votes that are not &quot;both bad&quot;. When the new model&apos;s share is surely below half (the top of its 95% Wilson interval under 50%), the old model was preferred and the verdict is &quot;not yet&quot;, whatever ROUGE says. When it is surely above half, a new model that words things differently is still called preferred.</source>
        <translation>ブラインド評価で判定するのは、「どちらもよくない」以外の投票が %1 件以上ある場合だけです。新モデルの得票率が確実に半分を下回る (95% Wilson 区間の上限が 50% 未満) 場合は、旧モデルが好まれたとみなし、ROUGE の結果にかかわらず判定は「まだ」になります。確実に半分を上回る場合は、言い回しが異なる新モデルでも「好まれた」と判定します。</translation>
    </message>
    <message>
        <source>Prompts that got no answer are left out of the averages and counted apart.</source>
        <translation>回答がなかったプロンプトは平均から除外し、別に数えています。</translation>
    </message>
    <message>
        <source>Words in common, average (ROUGE-1)</source>
        <translation>共通する単語の平均 (ROUGE-1)</translation>
    </message>
    <message>
        <source>Word pairs in common, average (ROUGE-2)</source>
        <translation>共通する単語の組の平均 (ROUGE-2)</translation>
    </message>
    <message>
        <source>Same words in the same order, average (ROUGE-L)</source>
        <translation>同じ順序で現れる同じ単語の平均 (ROUGE-L)</translation>
    </message>
    <message>
        <source>Each score runs from 0 (nothing in common with the old model&apos;s answer) to 1 (word for word the same).</source>
        <translation>各スコアは 0 (古いモデルの回答と共通点なし) から 1 (一語一句同じ) までです。</translation>
    </message>
    <message>
        <source>How alike the answers are</source>
        <translation>回答の似ている度合い</translation>
    </message>
    <message>
        <source>Each bar counts the new answers whose ROUGE-L against the old answer falls in that range. Bars on the right (green) mean the new model answers much like the old one; bars on the left (red) mean it answers differently.</source>
        <translation>各棒は、古い回答に対する ROUGE-L がその範囲に入る新しい回答の数を表します。右側 (緑) の棒は新しいモデルが古いモデルとほぼ同じように答えていること、左側 (赤) の棒は異なる答え方をしていることを示します。</translation>
    </message>
    <message>
        <source>The least alike first: read them to judge whether a difference matters. &quot;Example&quot; is the prompt&apos;s line in the held-out file.</source>
        <translation>似ていないものから順に並んでいます。違いが問題になるかどうかを読んで判断してください。「例」は評価用ファイル内のプロンプトの行番号です。</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>例</translation>
    </message>
</context>
<context>
    <name>fs::ParitySummary</name>
    <message>
        <source>In the blind round the new model won %1% of %2 votes (ties count half; 50% means no preference).</source>
        <translation>ブラインド評価では、新モデルが %2 票中 %1% を獲得しました (引き分けは0.5票、50% は優劣なし)。</translation>
    </message>
    <message>
        <source>The blind round has too few votes to decide (%1 of the %2 needed).</source>
        <translation>ブラインド評価の票数が足りないため、判定できません (必要な %2 票のうち %1 票)。</translation>
    </message>
    <message>
        <source>Nobody has rated answers in the blind round yet.</source>
        <translation>ブラインド評価で回答を評価した人はまだいません。</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>The new model has not answered any of the held-out prompts yet, so nothing can be said. Run the check again.</source>
        <translation>新モデルはまだどの評価用プロンプトにも回答していないため、何も判断できません。もう一度確認を実行してください。</translation>
    </message>
    <message>
        <source>Yes — the new model keeps the old one&apos;s behaviour</source>
        <translation>はい — 新モデルは旧モデルの振る舞いを保っています</translation>
    </message>
    <message>
        <source>Different, but preferred</source>
        <translation>違いはあるが、好まれています</translation>
    </message>
    <message>
        <source>The new model words its answers differently from the old one (ROUGE-L %1 on average), but the blind round preferred it.</source>
        <translation>新モデルの回答は旧モデルと言い回しが異なります (ROUGE-L 平均 %1) が、ブラインド評価では新モデルが好まれました。</translation>
    </message>
    <message>
        <source>Partly — similar things in other words</source>
        <translation>部分的に — 言い回しは違うが内容は似ています</translation>
    </message>
    <message>
        <source>No — the new model answers differently</source>
        <translation>いいえ — 新モデルの回答は異なります</translation>
    </message>
    <message>
        <source>Not yet — the old model&apos;s answers were preferred</source>
        <translation>まだ — 旧モデルの回答のほうが好まれました</translation>
    </message>
    <message>
        <source>Even if the wording is close (ROUGE-L %1), people liked the old answers better. Train again with more examples, then check again.</source>
        <translation>言い回しが近くても (ROUGE-L %1)、旧モデルの回答のほうが好まれました。例を増やして再度学習し、もう一度確認してください。</translation>
    </message>
    <message>
        <source>1 prompt got no answer and is not counted.</source>
        <translation>1件のプロンプトは回答がなかったため、数えていません。</translation>
    </message>
    <message>
        <source>%1 prompts got no answer and are not counted.</source>
        <translation>%1 件のプロンプトは回答がなかったため、数えていません。</translation>
    </message>
    <message>
        <source>Its answers say much the same as the old model&apos;s (ROUGE-L %1 on average, where 1 is word for word the same; %2 or more counts as similar).</source>
        <translation>回答の内容は古いモデルとほぼ同じです (ROUGE-L の平均 %1。1 は一語一句同じで、%2 以上を「似ている」とみなします)。</translation>
    </message>
    <message>
        <source>The new model&apos;s answers overlap with the old model&apos;s, but not closely (ROUGE-L %1 on average, where 1 is word for word the same; %2 or more counts as similar). Read the answers that differ most below before you switch.</source>
        <translation>新しいモデルの回答は古いモデルの回答と重なる部分がありますが、近いとは言えません (ROUGE-L の平均 %1。1 は一語一句同じで、%2 以上を「似ている」とみなします)。切り替える前に、下の最も異なる回答を読んでください。</translation>
    </message>
    <message>
        <source>Its answers share little with the old model&apos;s (ROUGE-L %1 on average, where 1 is word for word the same; below %2 counts as different). It may need more examples or more epochs.</source>
        <translation>回答は古いモデルの回答とほとんど共通点がありません (ROUGE-L の平均 %1。1 は一語一句同じで、%2 未満を「異なる」とみなします)。例やエポック数を増やす必要があるかもしれません。</translation>
    </message>
</context>
<context>
    <name>fs::PriceTable</name>
    <message>
        <source>OpenAI&apos;s prices as published in mid-2026 (after 7 May 2026). Check the current prices before you spend money.</source>
        <translation>2026年半ば (2026年5月7日以降) に公開された OpenAI の価格です。費用がかかる前に最新の価格を確認してください。</translation>
    </message>
</context>
<context>
    <name>fs::ResultCsv</name>
    <message>
        <source>This file does not look like a training result file: it has no &quot;step&quot; column.</source>
        <translation>このファイルは学習結果ファイルではないようです。「step」列がありません。</translation>
    </message>
    <message>
        <source>The result file is empty.</source>
        <translation>結果ファイルが空です。</translation>
    </message>
</context>
<context>
    <name>fs::RetirementCalendar</name>
    <message>
        <source>stopped answering on %1</source>
        <translation>%1 に応答を停止しました</translation>
    </message>
    <message>
        <source>stops answering today (%1)</source>
        <translation>本日 (%1) 応答を停止します</translation>
    </message>
    <message>
        <source>stops answering on %1 — in %2 day</source>
        <translation>%1 に応答を停止します — あと %2 日</translation>
    </message>
    <message>
        <source>stops answering on %1 — in %2 days</source>
        <translation>%1 に応答を停止します — あと %2 日</translation>
    </message>
    <message>
        <source>new fine-tuning ended on %1</source>
        <translation>新規のファインチューニングは %1 に終了しました</translation>
    </message>
    <message>
        <source>new fine-tuning stops today (%1)</source>
        <translation>新規のファインチューニングは本日 (%1) 終了します</translation>
    </message>
    <message>
        <source>new fine-tuning stops on %1 — in %2 day</source>
        <translation>新規のファインチューニングは %1 に終了します — あと %2 日</translation>
    </message>
    <message>
        <source>new fine-tuning stops on %1 — in %2 days</source>
        <translation>新規のファインチューニングは %1 に終了します — あと %2 日</translation>
    </message>
    <message>
        <source>The retirement calendar is not readable JSON (%1).</source>
        <translation>提供終了カレンダーを JSON として読み取れません (%1)。</translation>
    </message>
    <message>
        <source>The retirement calendar has an unknown schema version; this version of the app reads version 1.</source>
        <translation>提供終了カレンダーのスキーマバージョンが不明です。このバージョンのアプリが読み取れるのはバージョン 1 です。</translation>
    </message>
    <message>
        <source>The retirement calendar&apos;s “updated” date is not a date (YYYY-MM-DD).</source>
        <translation>提供終了カレンダーの「updated」が日付 (YYYY-MM-DD) になっていません。</translation>
    </message>
    <message>
        <source>The retirement calendar&apos;s warning window must be a whole number of days.</source>
        <translation>提供終了カレンダーの警告期間は、日数を整数で指定する必要があります。</translation>
    </message>
    <message>
        <source>The retirement calendar has no list of services.</source>
        <translation>提供終了カレンダーにサービスの一覧がありません。</translation>
    </message>
    <message>
        <source>The retirement calendar names an unknown service “%1”.</source>
        <translation>提供終了カレンダーに不明なサービス「%1」が記載されています。</translation>
    </message>
    <message>
        <source>The retirement calendar&apos;s entry for “%1” is not an object.</source>
        <translation>提供終了カレンダーの「%1」の項目がオブジェクトではありません。</translation>
    </message>
    <message>
        <source>The retirement calendar&apos;s date when new fine-tuning ends on “%1” is not a date (YYYY-MM-DD).</source>
        <translation>提供終了カレンダーの、「%1」で新規のファインチューニングが終了する日が、日付 (YYYY-MM-DD) になっていません。</translation>
    </message>
    <message>
        <source>The retirement calendar gives no source for when new fine-tuning ends on “%1”.</source>
        <translation>提供終了カレンダーに、「%1」で新規のファインチューニングが終了する日の出典がありません。</translation>
    </message>
    <message>
        <source>The retirement calendar&apos;s models of “%1” are not a list.</source>
        <translation>提供終了カレンダーの「%1」のモデルが一覧になっていません。</translation>
    </message>
    <message>
        <source>model %1 of “%2”</source>
        <extracomment>%1 the model&apos;s position in the list (1, 2, …), %2 a service key such as &quot;openai&quot;</extracomment>
        <translation>「%2」のモデル %1</translation>
    </message>
    <message>
        <source>“%1” on “%2”</source>
        <translation>「%2」の「%1」</translation>
    </message>
    <message>
        <source>The retirement calendar&apos;s %1 has no model name.</source>
        <translation>提供終了カレンダーの%1にモデル名がありません。</translation>
    </message>
    <message>
        <source>The retirement calendar&apos;s aliases of %1 are not a list.</source>
        <translation>提供終了カレンダーの%1の別名が一覧になっていません。</translation>
    </message>
    <message>
        <source>The retirement calendar&apos;s %1 has an empty alias.</source>
        <translation>提供終了カレンダーの%1に空の別名があります。</translation>
    </message>
    <message>
        <source>The retirement calendar&apos;s %1 has no date when it stops answering.</source>
        <translation>提供終了カレンダーの%1に応答停止日がありません。</translation>
    </message>
    <message>
        <source>The retirement calendar&apos;s date when %1 stops answering is not a date (YYYY-MM-DD).</source>
        <translation>提供終了カレンダーの%1の応答停止日が、日付 (YYYY-MM-DD) になっていません。</translation>
    </message>
    <message>
        <source>The retirement calendar&apos;s date when new fine-tuning of %1 ends is not a date (YYYY-MM-DD).</source>
        <translation>提供終了カレンダーの%1の新規ファインチューニング終了日が、日付 (YYYY-MM-DD) になっていません。</translation>
    </message>
    <message>
        <source>The retirement calendar gives no source for %1.</source>
        <translation>提供終了カレンダーに%1の出典がありません。</translation>
    </message>
    <message>
        <source>The retirement calendar lists “%1” twice on “%2”.</source>
        <translation>提供終了カレンダーで、「%2」に「%1」が2回記載されています。</translation>
    </message>
    <message>
        <source>The retirement calendar %1 cannot be read: %2</source>
        <translation>提供終了カレンダー %1 を読み込めません: %2</translation>
    </message>
</context>
<context>
    <name>fs::S3Call</name>
    <message>
        <source>The download could not be written: %1</source>
        <translation>ダウンロードしたデータを書き込めませんでした: %1</translation>
    </message>
</context>
<context>
    <name>fs::S3Client</name>
    <message>
        <source>The file could not be read.</source>
        <translation>ファイルを読み込めませんでした。</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>ファイルを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 を読み込めませんでした: %2</translation>
    </message>
</context>
<context>
    <name>fs::S3Error</name>
    <message>
        <source>The storage did not answer in time. Check the network and try again.</source>
        <translation>ストレージが時間内に応答しませんでした。ネットワークを確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>The storage could not be reached. Check the endpoint address and the network connection.</source>
        <translation>ストレージに接続できませんでした。エンドポイントのアドレスとネットワーク接続を確認してください。</translation>
    </message>
    <message>
        <source>The storage sent an answer this app does not understand. Check that the endpoint is an S3-compatible storage address.</source>
        <translation>ストレージから、このアプリが理解できない応答が返りました。エンドポイントがS3互換ストレージのアドレスになっているか確認してください。</translation>
    </message>
    <message>
        <source>A file on this computer could not be read or written.</source>
        <translation>このコンピューター上のファイルを読み書きできませんでした。</translation>
    </message>
    <message>
        <source>The bucket does not exist at this address. Check the bucket name and the endpoint.</source>
        <translation>このアドレスにはバケットが存在しません。バケット名とエンドポイントを確認してください。</translation>
    </message>
    <message>
        <source>There is no bucket named &quot;%1&quot; at this address. Check the bucket name and the endpoint.</source>
        <translation>このアドレスには「%1」という名前のバケットがありません。バケット名とエンドポイントを確認してください。</translation>
    </message>
    <message>
        <source>This object is not in the bucket (any more).</source>
        <translation>このオブジェクトはバケットにありません (すでに削除された可能性があります)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in the bucket (any more).</source>
        <translation>「%1」はバケットにありません (すでに削除された可能性があります)。</translation>
    </message>
    <message>
        <source>The storage refused access. Check that the access key may read and write this bucket.</source>
        <translation>ストレージがアクセスを拒否しました。アクセスキーにこのバケットの読み書き権限があるか確認してください。</translation>
    </message>
    <message>
        <source>The storage did not accept the secret access key. Check that it belongs to the access key ID.</source>
        <translation>ストレージがシークレットアクセスキーを受け付けませんでした。アクセスキーIDに対応するキーか確認してください。</translation>
    </message>
    <message>
        <source>The storage does not know this access key ID. Check it, or create a new key pair.</source>
        <translation>ストレージはこのアクセスキーIDを認識していません。IDを確認するか、新しいキーペアを作成してください。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is too far off for the storage. Correct the date and time, then try again.</source>
        <translation>このコンピューターの時計が大きくずれているため、ストレージに受け付けられません。日付と時刻を修正してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The temporary storage credentials have expired.</source>
        <translation>ストレージの一時的な認証情報の有効期限が切れています。</translation>
    </message>
    <message>
        <source>The bucket name is not valid.</source>
        <translation>バケット名が正しくありません。</translation>
    </message>
    <message>
        <source>The requested part of the object lies beyond its end.</source>
        <translation>要求された範囲が、オブジェクトの末尾を超えています。</translation>
    </message>
    <message>
        <source>The file is too large for one upload to this storage.</source>
        <translation>ファイルが大きすぎて、このストレージには一度にアップロードできません。</translation>
    </message>
    <message>
        <source>The storage is busy. Wait a moment and try again.</source>
        <translation>ストレージが混み合っています。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The storage had an internal problem (HTTP %1). Try again later.</source>
        <translation>ストレージで内部的な問題が発生しました (HTTP %1)。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The storage refused the request (HTTP %1).</source>
        <translation>ストレージがリクエストを拒否しました (HTTP %1)。</translation>
    </message>
</context>
<context>
    <name>fs::S3ObjectSource</name>
    <message>
        <source>The part asked for lies beyond the object.</source>
        <translation>要求された範囲がオブジェクトの末尾を超えています。</translation>
    </message>
    <message>
        <source>The storage sent %1 bytes instead of %2. Has the object changed?</source>
        <translation>ストレージから%2バイトではなく%1バイトが送られてきました。オブジェクトが変更された可能性があります。</translation>
    </message>
</context>
<context>
    <name>fs::StorageConnection</name>
    <message>
        <source>Give the storage connection a name.</source>
        <translation>ストレージ接続に名前を付けてください。</translation>
    </message>
    <message>
        <source>The endpoint must be a web address such as https://&lt;account&gt;.r2.cloudflarestorage.com.</source>
        <translation>エンドポイントには https://&lt;account&gt;.r2.cloudflarestorage.com のようなWebアドレスを指定してください。</translation>
    </message>
    <message>
        <source>Enter the name of the bucket.</source>
        <translation>バケット名を入力してください。</translation>
    </message>
    <message>
        <source>A bucket name cannot contain &quot;/&quot;. Enter only the bucket&apos;s name; folders are browsed in the bucket.</source>
        <translation>バケット名に「/」は使えません。バケットの名前だけを入力してください。フォルダーはバケットの中で参照できます。</translation>
    </message>
    <message>
        <source>Enter the access key ID.</source>
        <translation>アクセスキーIDを入力してください。</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%2 の %1</translation>
    </message>
    <message>
        <source>Practice bucket</source>
        <translation>練習用バケット</translation>
    </message>
    <message>
        <source>in the built-in sandbox</source>
        <translation>内蔵のサンドボックス内</translation>
    </message>
</context>
<context>
    <name>fs::TogetherDialect</name>
    <message>
        <source>Together AI sent %1 in a form this app does not know.</source>
        <translation>Together AI から、このアプリが対応していない形式で%1が届きました。</translation>
    </message>
    <message>
        <source>Together AI sent %1 with an entry this app cannot read.</source>
        <translation>Together AI から届いた%1に、このアプリが読み取れない項目があります。</translation>
    </message>
    <message>
        <source>the list of files</source>
        <translation>ファイルの一覧</translation>
    </message>
    <message>
        <source>Together AI listed a file without an id.</source>
        <translation>Together AI から届いたファイルの一覧に、IDのないファイルがあります。</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>ファイルの情報</translation>
    </message>
    <message>
        <source>Together AI described a file without its id.</source>
        <translation>Together AI から届いたファイルの情報に、IDがありません。</translation>
    </message>
    <message>
        <source>Together AI accepts only files ending in .jsonl, .csv or .parquet.</source>
        <translation>Together AI が受け付けるのは、名前が .jsonl、.csv、.parquet で終わるファイルだけです。</translation>
    </message>
    <message>
        <source>Together AI did not say where to upload the file.</source>
        <translation>Together AI から、ファイルのアップロード先が知らされませんでした。</translation>
    </message>
    <message>
        <source>Together AI did not say which id the uploaded file will have.</source>
        <translation>Together AI から、アップロードするファイルに付くIDが知らされませんでした。</translation>
    </message>
    <message>
        <source>a deletion</source>
        <translation>削除の結果</translation>
    </message>
    <message>
        <source>Choose a training file.</source>
        <translation>学習ファイルを選んでください。</translation>
    </message>
    <message>
        <source>Together AI takes an absolute learning rate (such as 0.00001), not a learning rate multiplier.</source>
        <translation>Together AI では、学習率の倍率ではなく、学習率そのもの (0.00001 など) を指定します。</translation>
    </message>
    <message>
        <source>Together AI has no “%1” training; choose supervised or preference (DPO) training.</source>
        <translation>Together AI には「%1」の学習がありません。教師あり学習か選好の学習 (DPO) を選んでください。</translation>
    </message>
    <message>
        <source>Beta applies only to preference (DPO) training.</source>
        <translation>ベータは、選好の学習 (DPO) でのみ使われます。</translation>
    </message>
    <message>
        <source>LoRA rank, alpha and dropout apply only to LoRA training.</source>
        <translation>LoRA のランク、アルファ、ドロップアウトは、LoRA 学習でのみ使われます。</translation>
    </message>
    <message>
        <source>Together AI needs a LoRA rank (such as 8) for LoRA training.</source>
        <translation>Together AI で LoRA 学習を行うには、LoRA のランク (8 など) が必要です。</translation>
    </message>
    <message>
        <source>Choose a base model.</source>
        <translation>ベースモデルを選んでください。</translation>
    </message>
    <message>
        <source>Together AI does not keep notes (metadata) with a job.</source>
        <translation>Together AI では、ジョブにメモ (メタデータ) を付けられません。</translation>
    </message>
    <message>
        <source>Together AI allows at most 40 characters in a model name suffix.</source>
        <translation>Together AI では、モデル名のサフィックスは40文字以内にしてください。</translation>
    </message>
    <message>
        <source>Together AI described a fine-tuning job without its id.</source>
        <translation>Together AI から届いたファインチューニングジョブの情報に、IDがありません。</translation>
    </message>
    <message>
        <source>Together AI described a fine-tuning job without its status.</source>
        <translation>Together AI から届いたファインチューニングジョブの情報に、状態がありません。</translation>
    </message>
    <message>
        <source>a fine-tuning job</source>
        <translation>ファインチューニングジョブの情報</translation>
    </message>
    <message>
        <source>the list of fine-tuning jobs</source>
        <translation>ファインチューニングジョブの一覧</translation>
    </message>
    <message>
        <source>the job&apos;s events</source>
        <translation>ジョブのメッセージ</translation>
    </message>
    <message>
        <source>the job&apos;s checkpoints</source>
        <translation>ジョブのチェックポイント</translation>
    </message>
    <message>
        <source>the training metrics</source>
        <translation>学習の指標</translation>
    </message>
    <message>
        <source>Together AI sent the training metrics in a form this app does not know.</source>
        <translation>Together AI から、このアプリが対応していない形式で学習の指標が届きました。</translation>
    </message>
    <message>
        <source>Together AI sent a training metric this app cannot read.</source>
        <translation>Together AI から、このアプリが読み取れない学習の指標が届きました。</translation>
    </message>
    <message>
        <source>a price estimate</source>
        <translation>料金の見積もり</translation>
    </message>
    <message>
        <source>Together AI&apos;s price estimate holds no price.</source>
        <translation>Together AI から届いた料金の見積もりに、金額が含まれていません。</translation>
    </message>
    <message>
        <source>the models</source>
        <translation>モデルの一覧</translation>
    </message>
    <message>
        <source>Together AI sent the list of models in a form this app does not know.</source>
        <translation>Together AI から、このアプリが対応していない形式でモデルの一覧が届きました。</translation>
    </message>
    <message>
        <source>Together AI listed a model without a name.</source>
        <translation>Together AI から届いたモデルの一覧に、名前のないモデルがあります。</translation>
    </message>
    <message>
        <source>a model&apos;s limits</source>
        <translation>モデルの上限値</translation>
    </message>
    <message>
        <source>Together AI sent limits without saying for which model.</source>
        <translation>Together AI から上限値が届きましたが、どのモデルのものかが示されていません。</translation>
    </message>
    <message>
        <source>the list of hardware</source>
        <translation>ハードウェアの一覧</translation>
    </message>
    <message>
        <source>Together AI listed hardware without its id.</source>
        <translation>Together AI から届いたハードウェアの一覧に、IDのないものがあります。</translation>
    </message>
    <message>
        <source>Choose the model and the hardware to deploy it on.</source>
        <translation>モデルと、デプロイ先のハードウェアを選んでください。</translation>
    </message>
    <message>
        <source>Together AI described an endpoint without its id.</source>
        <translation>Together AI から届いたエンドポイントの情報に、IDがありません。</translation>
    </message>
    <message>
        <source>an endpoint</source>
        <translation>エンドポイントの情報</translation>
    </message>
    <message>
        <source>the list of endpoints</source>
        <translation>エンドポイントの一覧</translation>
    </message>
    <message>
        <source>Together AI&apos;s answer holds no reply.</source>
        <translation>Together AI からの応答に、回答が含まれていません。</translation>
    </message>
    <message>
        <source>The server answered, but not with Together AI&apos;s list of models.</source>
        <translation>サーバーから応答はありましたが、Together AI のモデルの一覧ではありませんでした。</translation>
    </message>
</context>
<context>
    <name>fs::Tokenizer</name>
    <message>
        <source>The tokenizer&apos;s data is damaged (line %1).</source>
        <translation>トークナイザーのデータが壊れています (%1行目)。</translation>
    </message>
    <message>
        <source>The tokenizer&apos;s data is missing or incomplete.</source>
        <translation>トークナイザーのデータがないか、不完全です。</translation>
    </message>
    <message>
        <source>The tokenizer&apos;s data is damaged (a token is listed twice).</source>
        <translation>トークナイザーのデータが壊れています (同じトークンが2回あります)。</translation>
    </message>
    <message>
        <source>The tokenizer&apos;s data is incomplete (a byte has no token).</source>
        <translation>トークナイザーのデータが不完全です (トークンのないバイトがあります)。</translation>
    </message>
    <message>
        <source>Cannot read the tokenizer&apos;s data (%1): %2</source>
        <translation>トークナイザーのデータを読み込めません (%1): %2</translation>
    </message>
</context>
<context>
    <name>fs::UploadSource</name>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>ファイル %1 が存在しません。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 はファイルではなくフォルダーです。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>ファイル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>The file %1 is shorter than expected: it changed during the upload.</source>
        <translation>ファイル %1 が想定より短くなっています。アップロード中に変更されました。</translation>
    </message>
    <message>
        <source>The data to upload changed.</source>
        <translation>アップロードするデータが変更されました。</translation>
    </message>
</context>
<context>
    <name>fs::UploadTask</name>
    <message>
        <source>Checking the examples before sending…</source>
        <translation>送信前に例を検査しています…</translation>
    </message>
    <message>
        <source>Problems found: not sent yet</source>
        <translation>問題が見つかりました: まだ送信していません</translation>
    </message>
    <message>
        <source>Waiting for the upload before it to finish</source>
        <translation>前のアップロードの完了を待っています</translation>
    </message>
    <message>
        <source>Getting ready to send…</source>
        <translation>送信の準備をしています…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>送信しています…</translation>
    </message>
    <message>
        <source>All parts sent: the service is putting them together…</source>
        <translation>すべてのパートを送信しました: サービスが結合しています…</translation>
    </message>
    <message>
        <source>Sent. The service is checking the file…</source>
        <translation>送信しました。サービスがファイルを確認しています…</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>完了処理をしています…</translation>
    </message>
    <message>
        <source>Ready to use</source>
        <translation>使用できます</translation>
    </message>
    <message>
        <source>The service could not use this file</source>
        <translation>サービスはこのファイルを使用できませんでした</translation>
    </message>
    <message>
        <source>Stopped: can be resumed</source>
        <translation>停止: 再開できます</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>残り約%n秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>残り約%n分</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>残り約%1時間%2分</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>%1, example %2: %3</source>
        <translation>%1、例 %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 of %2 sent</source>
        <translation>%2 中 %1 を送信済み</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>%1 of %2 parts</source>
        <translation>パート %1/%2</translation>
    </message>
    <message>
        <source>(%1 sent before)</source>
        <translation>(以前に %1 送信済み)</translation>
    </message>
    <message>
        <source>%1 of %2 checked</source>
        <translation>%2 中 %1 を検査済み</translation>
    </message>
    <message>
        <source>On the service as %1. You can use it for a fine-tuning job now.</source>
        <translation>サービス上に %1 として保存されました。すぐにファインチューニングジョブに使えます。</translation>
    </message>
    <message>
        <source>The file could not be checked before sending: %1</source>
        <translation>送信前にファイルを検査できませんでした: %1</translation>
    </message>
    <message>
        <source>The check found an error.</source>
        <translation>検査でエラーが1件見つかりました。</translation>
    </message>
    <message>
        <source>The check found %L1 errors.</source>
        <translation>検査でエラーが%L1件見つかりました。</translation>
    </message>
    <message>
        <source>The service will most likely refuse this file. Fix it in the Datasets area, or upload anyway if you are sure.</source>
        <translation>このファイルはサービスに拒否される可能性が高いです。「データセット」エリアで修正するか、問題がないと確信できる場合はこのままアップロードしてください。</translation>
    </message>
    <message>
        <source>Fix the file and upload it again.</source>
        <translation>ファイルを修正して、もう一度アップロードしてください。</translation>
    </message>
    <message>
        <source>Sent although the check found errors.</source>
        <translation>検査でエラーが見つかりましたが、送信しました。</translation>
    </message>
</context>
<context>
    <name>fs::Uploader</name>
    <message>
        <source>There is nothing to upload.</source>
        <translation>アップロードするものがありません。</translation>
    </message>
    <message>
        <source>The file is empty: there is nothing to upload.</source>
        <translation>ファイルが空のため、アップロードするものがありません。</translation>
    </message>
    <message>
        <source>Files over 512 MB cannot be sent in one piece; they are sent in parts.</source>
        <translation>512 MBを超えるファイルは一度に送信できないため、パートに分けて送信します。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>ファイル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>The service did not start the upload.</source>
        <translation>サービスがアップロードを開始しませんでした。</translation>
    </message>
    <message>
        <source>The data to upload changed while it was being sent.</source>
        <translation>アップロードするデータが送信中に変更されました。</translation>
    </message>
    <message>
        <source>The file changed while it was being uploaded (its checksum does not match what arrived). Upload it again.</source>
        <translation>アップロード中にファイルが変更されました (チェックサムが受信したデータと一致しません)。もう一度アップロードしてください。</translation>
    </message>
    <message>
        <source>The service completed the upload but did not say which file it made.</source>
        <translation>サービスはアップロードを完了しましたが、作成したファイルを示しませんでした。</translation>
    </message>
    <message>
        <source>The file arrived, but the service could not process it.</source>
        <translation>ファイルは届きましたが、サービスが処理できませんでした。</translation>
    </message>
    <message>
        <source>The file arrived, but the service could not process it: %1</source>
        <translation>ファイルは届きましたが、サービスが処理できませんでした: %1</translation>
    </message>
    <message>
        <source>The file arrived, but the service has not finished processing it after 30 minutes. Look at its status in the file list later.</source>
        <translation>ファイルは届きましたが、30分経ってもサービスの処理が終わっていません。後でファイル一覧で状態を確認してください。</translation>
    </message>
    <message>
        <source>%1 The parts sent so far are kept: the upload can be resumed within the hour.</source>
        <translation>%1 これまでに送信したパートは保持されます。1時間以内ならアップロードを再開できます。</translation>
    </message>
    <message>
        <source>Resumable uploads in parts are an OpenAI feature: Together AI takes each file in one piece. Upload it without “resumable”.</source>
        <translation>パートに分けた再開可能なアップロードは OpenAI の機能です。Together AI は各ファイルを1回でまとめて受け取ります。「再開可能」を使わずにアップロードしてください。</translation>
    </message>
    <message>
        <source>it changed size while it was being sent</source>
        <translation>送信中にファイルのサイズが変わりました</translation>
    </message>
    <message>
        <source>Resumable uploads in parts are an OpenAI feature: %1 takes each file in one piece. Upload it without “resumable”.</source>
        <translation>分割による再開可能なアップロードは OpenAI の機能です。%1 ではファイルを分割せずに受け取ります。「resumable」を指定せずにアップロードしてください。</translation>
    </message>
    <message>
        <source>Azure OpenAI takes files under 512 MB, and this one is larger. Microsoft recommends importing large files from Azure Blob Storage (in the Azure AI Foundry portal) rather than uploading them: an upload this big cannot be resumed if it breaks. Or split the dataset into smaller files.</source>
        <translation>Azure OpenAI が受け付けるのは 512 MB 未満のファイルですが、このファイルはそれより大きくなっています。Microsoft は、大きなファイルはアップロードせずに Azure Blob Storage から (Azure AI Foundry ポータルで) インポートすることを推奨しています。このサイズのアップロードは、途中で切れると再開できないためです。または、データセットを小さなファイルに分割してください。</translation>
    </message>
    <message>
        <source>Resumable uploads in parts are an OpenAI feature: Azure OpenAI takes each file in one piece. Upload it without “resumable”.</source>
        <translation>分割による再開可能なアップロードは OpenAI の機能です。Azure OpenAI ではファイルを分割せずに受け取ります。「resumable」を指定せずにアップロードしてください。</translation>
    </message>
</context>
<context>
    <name>fs::cli</name>
    <message>
        <source>The model to ask.</source>
        <translation>質問するモデル。</translation>
    </message>
    <message>
        <source>A system prompt.</source>
        <translation>システムプロンプト。</translation>
    </message>
    <message>
        <source>Sampling temperature, 0 to 2.</source>
        <translation>サンプリング温度 (0〜2)。</translation>
    </message>
    <message>
        <source>Wait for the whole answer instead of streaming it.</source>
        <translation>ストリーミングせず、回答全体を待ちます。</translation>
    </message>
    <message>
        <source>What to ask.</source>
        <translation>質問する内容。</translation>
    </message>
    <message>
        <source>Asks a model and streams its answer.</source>
        <translation>モデルに質問し、その回答をストリーミングで表示します。</translation>
    </message>
    <message>
        <source>usage: finetune-studio chat --model MODEL PROMPT</source>
        <translation>使い方: finetune-studio chat --model MODEL PROMPT</translation>
    </message>
    <message>
        <source>error: --temperature takes a number from 0 to 2.</source>
        <translation>エラー: --temperature には 0〜2 の数値を指定してください。</translation>
    </message>
    <message>
        <source>run the offline sandbox API server</source>
        <translation>オフラインのサンドボックスAPIサーバーを起動する</translation>
    </message>
    <message>
        <source>list, upload or delete files</source>
        <translation>ファイルの一覧・アップロード・削除</translation>
    </message>
    <message>
        <source>list, create, watch or cancel fine-tuning jobs</source>
        <translation>ファインチューニングジョブの一覧・作成・監視・キャンセル</translation>
    </message>
    <message>
        <source>list the models of the connection</source>
        <translation>接続先のモデルを一覧表示する</translation>
    </message>
    <message>
        <source>ask a model and stream its answer</source>
        <translation>モデルに質問し、回答をストリーミング表示する</translation>
    </message>
    <message>
        <source>Usage: finetune-studio [VERB] [OPTIONS]</source>
        <translation>使い方: finetune-studio [VERB] [OPTIONS]</translation>
    </message>
    <message>
        <source>Without a verb the desktop app starts. Verbs:</source>
        <translation>VERB を指定しないとデスクトップアプリが起動します。VERB の一覧:</translation>
    </message>
    <message>
        <source>The connection comes from --base-url URL or OPENAI_BASE_URL, with the key in OPENAI_API_KEY, or from a saved connection: --connection NAME.</source>
        <translation>接続先は --base-url URL または OPENAI_BASE_URL (キーは OPENAI_API_KEY)、あるいは保存済みの接続 --connection NAME で指定します。</translation>
    </message>
    <message>
        <source>Run &apos;finetune-studio VERB --help&apos; for a verb&apos;s options.</source>
        <translation>VERB のオプションは &apos;finetune-studio VERB --help&apos; で表示できます。</translation>
    </message>
    <message>
        <source>Use a connection saved in the app, by name.</source>
        <translation>アプリに保存した接続を名前で指定して使います。</translation>
    </message>
    <message>
        <source>Print the service&apos;s JSON, for scripts.</source>
        <translation>スクリプト向けに、サービスのJSONをそのまま出力します。</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message>
        <source>error: no connection given. Set OPENAI_API_KEY (and OPENAI_BASE_URL for another server), pass --base-url URL, or --connection NAME. To try things offline, run &apos;finetune-studio sandbox&apos; and pass the address it prints as --base-url.</source>
        <translation>エラー: 接続先が指定されていません。OPENAI_API_KEY を設定するか (別のサーバーなら OPENAI_BASE_URL も)、--base-url URL または --connection NAME を指定してください。オフラインで試すには &apos;finetune-studio sandbox&apos; を実行し、表示されたアドレスを --base-url に指定してください。</translation>
    </message>
    <message>
        <source>error: &apos;%1&apos; is not a web address (http:// or https://).</source>
        <translation>エラー: &apos;%1&apos; はWebアドレス (http:// または https://) ではありません。</translation>
    </message>
    <message>
        <source>No files.</source>
        <translation>ファイルはありません。</translation>
    </message>
    <message>
        <source>Uploaded %1 (%2) as %3</source>
        <translation>%1 (%2) を %3 としてアップロードしました</translation>
    </message>
    <message>
        <source>error: the service did not delete %1.</source>
        <translation>エラー: サービスは %1 を削除しませんでした。</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>%1 を削除しました</translation>
    </message>
    <message>
        <source>Purpose of an upload (default: fine-tune), or a filter for list.</source>
        <translation>アップロードの用途 (既定: fine-tune)、または list の絞り込み条件。</translation>
    </message>
    <message>
        <source>Lists, uploads or deletes the files of the connection.</source>
        <translation>接続先のファイルを一覧表示・アップロード・削除します。</translation>
    </message>
    <message>
        <source>usage: finetune-studio files list | upload FILE | delete ID</source>
        <translation>使い方: finetune-studio files list | upload FILE | delete ID</translation>
    </message>
    <message>
        <source>No fine-tuning jobs.</source>
        <translation>ファインチューニングジョブはありません。</translation>
    </message>
    <message>
        <source>(more jobs exist; the newest 100 are shown)</source>
        <translation>(ほかにもジョブがあります。新しい100件を表示しています)</translation>
    </message>
    <message>
        <source>Job %1: %2</source>
        <translation>ジョブ %1: %2</translation>
    </message>
    <message>
        <source>  base model:  %1</source>
        <translation>  ベースモデル:  %1</translation>
    </message>
    <message>
        <source>  training:    %1</source>
        <translation>  学習データ:    %1</translation>
    </message>
    <message>
        <source>  validation:  %1</source>
        <translation>  検証データ:    %1</translation>
    </message>
    <message>
        <source>  fine-tuned:  %1</source>
        <translation>  学習済みモデル: %1</translation>
    </message>
    <message>
        <source>  error:       %1</source>
        <translation>  エラー:        %1</translation>
    </message>
    <message>
        <source>Follow it with: finetune-studio jobs watch %1</source>
        <translation>進み具合は次のコマンドで確認できます: finetune-studio jobs watch %1</translation>
    </message>
    <message>
        <source>error: --interval takes a positive number of seconds.</source>
        <translation>エラー: --interval には正の秒数を指定してください。</translation>
    </message>
    <message>
        <source>warning: %1 Trying again shortly.</source>
        <translation>警告: %1 まもなく再試行します。</translation>
    </message>
    <message>
        <source>Job %1 is now %2.</source>
        <translation>ジョブ %1 は %2 になりました。</translation>
    </message>
    <message>
        <source>Base model to fine-tune.</source>
        <translation>ファインチューニングするベースモデル。</translation>
    </message>
    <message>
        <source>Id of the uploaded training file.</source>
        <translation>アップロード済みの学習ファイルのID。</translation>
    </message>
    <message>
        <source>Id of the uploaded validation file.</source>
        <translation>アップロード済みの検証ファイルのID。</translation>
    </message>
    <message>
        <source>Seconds between checks while watching.</source>
        <translation>監視中に確認する間隔 (秒)。</translation>
    </message>
    <message>
        <source>Lists, creates, watches or cancels fine-tuning jobs.</source>
        <translation>ファインチューニングジョブを一覧表示・作成・監視・キャンセルします。</translation>
    </message>
    <message>
        <source>Lists the models of the connection.</source>
        <translation>接続先のモデルを一覧表示します。</translation>
    </message>
    <message>
        <source>usage: finetune-studio models</source>
        <translation>使い方: finetune-studio models</translation>
    </message>
    <message>
        <source>retires %1</source>
        <translation>%1 に提供終了</translation>
    </message>
    <message>
        <source>Models in all: %1</source>
        <translation>モデルの合計: %1</translation>
    </message>
    <message>
        <source>Port on 127.0.0.1 (default: 0, any free port).</source>
        <translation>127.0.0.1 上のポート (既定: 0、空いている任意のポート)。</translation>
    </message>
    <message>
        <source>Keep files and jobs in this folder across restarts (default: memory only).</source>
        <translation>ファイルとジョブをこのフォルダーに保存し、再起動後も残します (既定: メモリのみ)。</translation>
    </message>
    <message>
        <source>Answer any other API key with 401 invalid_api_key, as the real service does.</source>
        <translation>本物のサービスと同じように、ほかのAPIキーには 401 invalid_api_key を返します。</translation>
    </message>
    <message>
        <source>How fast jobs run: 1 takes about a minute for a small job, 0.05 a few seconds.</source>
        <translation>ジョブの進む速さ: 1 なら小さなジョブで約1分、0.05 なら数秒。</translation>
    </message>
    <message>
        <source>Runs the offline sandbox: an OpenAI-compatible fine-tuning API on 127.0.0.1, until Ctrl-C.</source>
        <translation>オフラインのサンドボックス (127.0.0.1 上のOpenAI互換ファインチューニングAPI) を、Ctrl-C で止めるまで実行します。</translation>
    </message>
    <message>
        <source>error: --port takes a number from 0 to 65535.</source>
        <translation>エラー: --port には 0〜65535 の数値を指定してください。</translation>
    </message>
    <message>
        <source>error: --time-scale takes a positive number, e.g. 0.05.</source>
        <translation>エラー: --time-scale には正の数値を指定してください (例: 0.05)。</translation>
    </message>
    <message>
        <source>error: the sandbox could not start: %1</source>
        <translation>エラー: サンドボックスを起動できませんでした: %1</translation>
    </message>
    <message>
        <source>Sandbox listening on %1</source>
        <translation>サンドボックスは %1 で待ち受けています</translation>
    </message>
    <message>
        <source>Point any OpenAI client at it: OPENAI_BASE_URL=%1</source>
        <translation>任意のOpenAIクライアントから利用できます: OPENAI_BASE_URL=%1</translation>
    </message>
    <message>
        <source>Press Ctrl-C to stop.</source>
        <translation>Ctrl-C で停止します。</translation>
    </message>
    <message>
        <source>Sandbox stopped.</source>
        <translation>サンドボックスを停止しました。</translation>
    </message>
    <message>
        <source>there is no saved connection named &apos;%1&apos;. Saved connections: %2.</source>
        <translation>&apos;%1&apos; という名前の保存済み接続はありません。保存済みの接続: %2。</translation>
    </message>
    <message>
        <source>the built-in sandbox lives inside the app. From the command line, run &apos;finetune-studio sandbox&apos; and pass the address it prints as --base-url.</source>
        <translation>内蔵のサンドボックスはアプリの中で動作します。コマンドラインからは &apos;finetune-studio sandbox&apos; を実行し、表示されたアドレスを --base-url に指定してください。</translation>
    </message>
    <message>
        <source>the key of &apos;%1&apos; could not be read from the keychain: %2</source>
        <translation>&apos;%1&apos; のキーをキーチェーンから読み込めませんでした: %2</translation>
    </message>
    <message>
        <source>check a training file, count tokens and cost</source>
        <translation>学習ファイルを検査し、トークン数と費用を計算する</translation>
    </message>
    <message>
        <source>The model to fine-tune (token limit, encoding and price; default: %1).</source>
        <translation>ファインチューニングするモデル (トークンの上限、エンコーディング、価格が決まります。既定: %1)。</translation>
    </message>
    <message>
        <source>Print one JSON object (examples, issues, tokens, estimate) for scripts.</source>
        <translation>スクリプト向けに、1つのJSONオブジェクト (examples、issues、tokens、estimate) を出力します。</translation>
    </message>
    <message>
        <source>The training file (JSONL) to check.</source>
        <translation>検査する学習ファイル (JSONL)。</translation>
    </message>
    <message>
        <source>Checks a training file as the editor does: every problem with its line, the tokens, and what training would cost.</source>
        <translation>エディターと同じように学習ファイルを検査し、すべての問題とその行、トークン数、学習にかかる費用を表示します。</translation>
    </message>
    <message>
        <source>usage: finetune-studio validate FILE [--model MODEL] [--json]</source>
        <translation>使い方: finetune-studio validate FILE [--model MODEL] [--json]</translation>
    </message>
    <message>
        <source>(chat)</source>
        <translation>(チャット)</translation>
    </message>
    <message>
        <source>(preference / DPO)</source>
        <translation>(選好 / DPO)</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>%1行目</translation>
    </message>
    <message>
        <source>file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Tokens: %1 in all, longest example %2, mean %3</source>
        <translation>トークン: 合計 %1、最長の例 %2、平均 %3</translation>
    </message>
    <message>
        <source> (no price known for this model)</source>
        <translation> (このモデルの価格は不明です)</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>問題は見つかりませんでした。</translation>
    </message>
    <message>
        <source>%1, %2.</source>
        <translation>%1、%2。</translation>
    </message>
    <message>
        <source>, about %1</source>
        <translation>、約 %1</translation>
    </message>
    <message>
        <source>list, get, put or send objects in S3/R2 storage</source>
        <translation>S3/R2 ストレージのオブジェクトの一覧・取得・保存・送信</translation>
    </message>
    <message>
        <source>score models on a validation file with ROUGE</source>
        <translation>検証ファイルでモデルを ROUGE により採点する</translation>
    </message>
    <message>
        <source>model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>ROUGE-1</source>
        <translation>ROUGE-1</translation>
    </message>
    <message>
        <source>ROUGE-2</source>
        <translation>ROUGE-2</translation>
    </message>
    <message>
        <source>ROUGE-L</source>
        <translation>ROUGE-L</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>回答済み</translation>
    </message>
    <message>
        <source>A model to compare; give it once per model (two or more).</source>
        <translation>比較するモデル。モデルごとに1回ずつ指定します (2つ以上)。</translation>
    </message>
    <message>
        <source>How many requests may be in flight at once (default 4).</source>
        <translation>同時に送信できるリクエストの数 (既定: 4)。</translation>
    </message>
    <message>
        <source>Also write every example, answer and score to this CSV file.</source>
        <translation>すべての例・回答・スコアを、このCSVファイルにも書き出します。</translation>
    </message>
    <message>
        <source>Keep the answers in this file, to score them again later without asking the models (pass it as FILE).</source>
        <translation>回答をこのファイルに保存し、後でモデルに問い合わせずに再採点できるようにします (FILE として指定します)。</translation>
    </message>
    <message>
        <source>Compare word stems (&quot;running&quot; matches &quot;runs&quot;), as rouge-score&apos;s use_stemmer does.</source>
        <translation>語幹で比較します (「running」と「runs」が一致します)。rouge-score の use_stemmer と同じです。</translation>
    </message>
    <message>
        <source>A JSONL file of chat examples (e.g. a validation file): each example&apos;s last assistant message is the reference. Or a file written by --save.</source>
        <translation>チャット形式の例のJSONLファイル (検証ファイルなど)。各例の最後のアシスタントメッセージが参照回答になります。または、--save で書き出したファイル。</translation>
    </message>
    <message>
        <source>Compares models on a file of examples and prints their average ROUGE-1, ROUGE-2 and ROUGE-L F-measures.</source>
        <translation>例のファイルでモデルを比較し、ROUGE-1、ROUGE-2、ROUGE-L の平均F値を表示します。</translation>
    </message>
    <message>
        <source>error: --concurrency takes a number from 1 to 64.</source>
        <translation>エラー: --concurrency には 1〜64 の数値を指定してください。</translation>
    </message>
    <message>
        <source>usage: finetune-studio compare --model A --model B FILE [--concurrency N] [--csv OUT] [--stem]</source>
        <translation>使い方: finetune-studio compare --model A --model B FILE [--concurrency N] [--csv OUT] [--stem]</translation>
    </message>
    <message>
        <source>error: %1 holds saved answers of its own models; leave out --model to score them again.</source>
        <translation>エラー: %1 には、そのファイル自体のモデルの回答が保存されています。再採点するには --model を指定しないでください。</translation>
    </message>
    <message>
        <source>note: 1 example without an assistant answer was left out.</source>
        <translation>注意: アシスタントの回答がない例1件を除外しました。</translation>
    </message>
    <message>
        <source>note: %1 examples without an assistant answer were left out.</source>
        <translation>注意: アシスタントの回答がない例%1件を除外しました。</translation>
    </message>
    <message>
        <source>%1 of %2 answers</source>
        <translation>%2件中%1件の回答</translation>
    </message>
    <message>
        <source>%1 Waiting %2 s before going on.</source>
        <translation>%1 %2秒待ってから続行します。</translation>
    </message>
    <message>
        <source>, words stemmed</source>
        <translation>、語幹処理あり</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>残り約%1秒</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>残り約%1分</translation>
    </message>
    <message>
        <source>about %1 h left</source>
        <translation>残り約%1時間</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
    <message>
        <source>error: --part-size takes a size in MB from 0.01 to 64.</source>
        <translation>エラー: --part-size には 0.01〜64 のサイズ (MB) を指定してください。</translation>
    </message>
    <message>
        <source>Resuming: %1 of %2 parts already sent</source>
        <translation>再開中: %2パート中%1パートは送信済み</translation>
    </message>
    <message>
        <source>Interrupted after %1 of %2 parts. The upload can be resumed: run the same command again within the hour.</source>
        <translation>%2パート中%1パートを送信したところで中断しました。アップロードは再開できます。1時間以内に同じコマンドをもう一度実行してください。</translation>
    </message>
    <message>
        <source>Interrupted: nothing was uploaded.</source>
        <translation>中断しました。何もアップロードされていません。</translation>
    </message>
    <message>
        <source>Interrupted while the service was checking the file; it was uploaded as %1.</source>
        <translation>サービスがファイルを確認している間に中断しました。ファイルは %1 としてアップロード済みです。</translation>
    </message>
    <message>
        <source>Run the same command again to resume the upload (within the hour).</source>
        <translation>同じコマンドをもう一度実行すると、アップロードを再開できます (1時間以内)。</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状態: %1</translation>
    </message>
    <message>
        <source>Size of each part in MB (default 64, the most the service takes).</source>
        <translation>各パートのサイズ (MB) (既定: 64、サービスが受け付ける最大値)。</translation>
    </message>
    <message>
        <source>Do not wait until the service has processed the uploaded file.</source>
        <translation>アップロードしたファイルをサービスが処理し終えるまで待ちません。</translation>
    </message>
    <message>
        <source>, training loss %1</source>
        <translation>、学習損失 %1</translation>
    </message>
    <message>
        <source>, validation loss %1</source>
        <translation>、検証損失 %1</translation>
    </message>
    <message>
        <source>  result file: %1 steps, final training loss %2</source>
        <translation>  結果ファイル: %1ステップ、最終の学習損失 %2</translation>
    </message>
    <message>
        <source>%1: %2 of %3 (%4%)</source>
        <translation>%1: %3中%2 (%4%)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>error: there is no saved storage connection named &apos;%1&apos;. Saved storage connections: %2.</source>
        <translation>エラー: &apos;%1&apos; という名前の保存済みストレージ接続はありません。保存済みのストレージ接続: %2。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>error: the secret access key of &apos;%1&apos; could not be read from the keychain: %2</source>
        <translation>エラー: &apos;%1&apos; のシークレットアクセスキーをキーチェーンから読み込めませんでした: %2</translation>
    </message>
    <message>
        <source>error: give the storage&apos;s address with --endpoint URL, e.g. https://&lt;account&gt;.r2.cloudflarestorage.com, or a saved storage connection with --storage NAME.</source>
        <translation>エラー: ストレージのアドレスを --endpoint URL (例: https://&lt;account&gt;.r2.cloudflarestorage.com) で指定するか、保存済みのストレージ接続を --storage NAME で指定してください。</translation>
    </message>
    <message>
        <source>error: give the bucket with --bucket NAME.</source>
        <translation>エラー: バケットを --bucket NAME で指定してください。</translation>
    </message>
    <message>
        <source>error: no storage credentials. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or use a saved storage connection with --storage NAME.</source>
        <translation>エラー: ストレージの認証情報がありません。AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY を設定するか、保存済みのストレージ接続を --storage NAME で指定してください。</translation>
    </message>
    <message>
        <source>warning: %1 is not encrypted (http://); the data travels in the clear.</source>
        <translation>警告: %1 は暗号化されていません (http://)。データは暗号化されずに送られます。</translation>
    </message>
    <message>
        <source>The bucket is empty.</source>
        <translation>バケットは空です。</translation>
    </message>
    <message>
        <source>Nothing under %1.</source>
        <translation>%1 の下には何もありません。</translation>
    </message>
    <message>
        <source>error: cannot write %1: %2</source>
        <translation>エラー: %1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>ダウンロード中</translation>
    </message>
    <message>
        <source>Downloaded %1 (%2) to %3</source>
        <translation>%1 (%2) を %3 にダウンロードしました</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>確認中</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>アップロード中</translation>
    </message>
    <message>
        <source>Uploaded %1 (%2) as %3 in bucket %4</source>
        <translation>%1 (%2) をバケット %4 に %3 としてアップロードしました</translation>
    </message>
    <message>
        <source>Preparing: the upload is being set up</source>
        <translation>準備中: アップロードを設定しています</translation>
    </message>
    <message>
        <source>Completing: all %1 sent, the parts are put together</source>
        <translation>完了処理中: %1 をすべて送信し、パートを結合しています</translation>
    </message>
    <message>
        <source>Processing: the service is checking the file</source>
        <translation>処理中: サービスがファイルを確認しています</translation>
    </message>
    <message>
        <source>Finished: %1 sent</source>
        <translation>完了: %1 を送信しました</translation>
    </message>
    <message>
        <source>Run the same command again to continue where it stopped.</source>
        <translation>同じコマンドをもう一度実行すると、中断したところから続行します。</translation>
    </message>
    <message>
        <source>Sent %1 (%2) as %3, status: %4</source>
        <translation>%1 (%2) を %3 として送信しました。状態: %4</translation>
    </message>
    <message>
        <source>The storage&apos;s address, e.g. https://&lt;account&gt;.r2.cloudflarestorage.com (default: AWS_ENDPOINT_URL).</source>
        <translation>ストレージのアドレス。例: https://&lt;account&gt;.r2.cloudflarestorage.com (既定: AWS_ENDPOINT_URL)。</translation>
    </message>
    <message>
        <source>The bucket.</source>
        <translation>バケット。</translation>
    </message>
    <message>
        <source>The region (default: AWS_REGION, else auto, as Cloudflare R2 wants).</source>
        <translation>リージョン (既定: AWS_REGION、なければ Cloudflare R2 が求める auto)。</translation>
    </message>
    <message>
        <source>Use a storage connection saved in the app, by name.</source>
        <translation>アプリに保存したストレージ接続を名前で指定して使います。</translation>
    </message>
    <message>
        <source>send: the file&apos;s purpose (default: fine-tune).</source>
        <translation>send: ファイルの用途 (既定: fine-tune)。</translation>
    </message>
    <message>
        <source>put: upload in one pass without signing the content&apos;s checksum.</source>
        <translation>put: 内容のチェックサムに署名せず、1回でアップロードします。</translation>
    </message>
    <message>
        <source>ls [PREFIX] | get KEY OUT | put FILE KEY | send KEY</source>
        <translation>ls [PREFIX] | get KEY OUT | put FILE KEY | send KEY</translation>
    </message>
    <message>
        <source>Lists, downloads and uploads objects in S3-compatible storage (Cloudflare R2, AWS S3, MinIO), and sends an object to the fine-tuning service. Credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or --storage NAME.</source>
        <translation>S3互換ストレージ (Cloudflare R2、AWS S3、MinIO) のオブジェクトを一覧表示・ダウンロード・アップロードし、オブジェクトをファインチューニングサービスに送信します。認証情報: AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY、または --storage NAME。</translation>
    </message>
    <message>
        <source>error: %1 is not a file.</source>
        <translation>エラー: %1 はファイルではありません。</translation>
    </message>
    <message>
        <source>To open training files in the app: finetune-studio FILE…</source>
        <translation>アプリで学習ファイルを開くには: finetune-studio FILE…</translation>
    </message>
    <message>
        <source>finetune-studio: unknown command &apos;%1&apos; (and no file of that name).</source>
        <translation>finetune-studio: &apos;%1&apos; という名前のコマンドもファイルもありません。</translation>
    </message>
    <message>
        <source>Access key ID of the bucket store under /s3 (default: %1).</source>
        <translation>/s3 のバケットストアのアクセスキーID (既定: %1)。</translation>
    </message>
    <message>
        <source>Secret access key of the bucket store under /s3 (default: %1).</source>
        <translation>/s3 のバケットストアのシークレットアクセスキー (既定: %1)。</translation>
    </message>
    <message>
        <source>error: give both --s3-access-key and --s3-secret-key, neither empty.</source>
        <translation>エラー: --s3-access-key と --s3-secret-key の両方を、空でない値で指定してください。</translation>
    </message>
    <message>
        <source>Bucket store (S3-compatible, path-style, region %1) on %2: bucket &quot;%3&quot;, access key ID %4</source>
        <translation>バケットストア (S3互換、パス形式、リージョン %1) は %2 で待ち受けています: バケット &quot;%3&quot;、アクセスキーID %4</translation>
    </message>
    <message>
        <source>list, start or stop deployments of fine-tuned models (Together AI)</source>
        <translation>ファインチューニングしたモデルのデプロイを一覧表示・開始・停止する (Together AI)</translation>
    </message>
    <message>
        <source>For Together AI pass --provider together: the key comes from TOGETHER_API_KEY, the address from --base-url (default https://api.together.xyz/v1).</source>
        <translation>Together AI を使うには --provider together を指定します。キーは TOGETHER_API_KEY から、アドレスは --base-url から取得します (既定: https://api.together.xyz/v1)。</translation>
    </message>
    <message>
        <source>finetune-studio: this build has no desktop window (it was built without the user interface); use one of its commands.</source>
        <translation>finetune-studio: このビルドにはデスクトップのウィンドウがありません (ユーザーインターフェースなしでビルドされています)。コマンドのいずれかを使ってください。</translation>
    </message>
    <message>
        <source>The API&apos;s base URL, e.g. http://127.0.0.1:8080/v1 (default: OPENAI_BASE_URL, else https://api.openai.com/v1; with --provider together: https://api.together.xyz/v1).</source>
        <translation>APIのベースURL。例: http://127.0.0.1:8080/v1 (既定: OPENAI_BASE_URL、なければ https://api.openai.com/v1。--provider together の場合: https://api.together.xyz/v1)。</translation>
    </message>
    <message>
        <source>error: no connection given. Set TOGETHER_API_KEY, pass --base-url URL, or --connection NAME. To try things offline, run &apos;finetune-studio sandbox&apos; and pass the address it prints, ending in /together/v1, as --base-url.</source>
        <translation>エラー: 接続先が指定されていません。TOGETHER_API_KEY を設定するか、--base-url URL または --connection NAME を指定してください。オフラインで試すには &apos;finetune-studio sandbox&apos; を実行し、表示されたアドレスの末尾に /together/v1 を付けたものを --base-url に指定してください。</translation>
    </message>
    <message>
        <source>No deployments.</source>
        <translation>デプロイはありません。</translation>
    </message>
    <message>
        <source>1 deployment bills while it runs: $%1 per hour.</source>
        <translation>1件のデプロイが実行中で課金されています: 1時間あたり $%1。</translation>
    </message>
    <message>
        <source>%1 deployments bill while they run: $%2 per hour.</source>
        <translation>%1件のデプロイが実行中で課金されています: 1時間あたり $%2。</translation>
    </message>
    <message>
        <source>error: deployment %1 did not start: the service says %2.</source>
        <translation>エラー: デプロイ %1 は起動しませんでした。サービスからのメッセージ: %2。</translation>
    </message>
    <message>
        <source>Deployment %1: %2 (waited %3 s)</source>
        <translation>デプロイ %1: %2 (待ち時間 %3秒)</translation>
    </message>
    <message>
        <source>error: --inactive-timeout takes a whole number of minutes (0: never stop by itself).</source>
        <translation>エラー: --inactive-timeout には分数を整数で指定してください (0: 自動では停止しない)。</translation>
    </message>
    <message>
        <source>error: the service lists no hardware with a price for %1; choose one with --hardware ID.</source>
        <translation>エラー: サービスの一覧に、%1 用で料金の示されたハードウェアがありません。--hardware ID で指定してください。</translation>
    </message>
    <message>
        <source>No --hardware given: using %1 (%2), the cheapest the service lists for this model, at %3 per hour.</source>
        <translation>--hardware が指定されていないため、このモデル用にサービスが提示する中で最も安い %1 (%2) を使います。1時間あたり %3 です。</translation>
    </message>
    <message>
        <source>Waiting for it to start; it bills from now on. Ctrl-C stops waiting, not the deployment.</source>
        <translation>起動を待っています。今から課金されます。Ctrl-C で待つのをやめられますが、デプロイは停止しません。</translation>
    </message>
    <message>
        <source>%1 is running on %2 at %3 per hour. Chat with it: finetune-studio chat --model %1 …</source>
        <translation>%1 は %2 で実行中です (1時間あたり %3)。チャットするには: finetune-studio chat --model %1 …</translation>
    </message>
    <message>
        <source>%1 is %2 on %3; it bills from now on at %4 per hour. See when it is up: finetune-studio deployments list</source>
        <translation>%1 は %3 上で %2 の状態です。今から1時間あたり %4 で課金されます。起動したかどうかの確認: finetune-studio deployments list</translation>
    </message>
    <message>
        <source>Stop it with: finetune-studio deployments delete %1</source>
        <translation>停止するには: finetune-studio deployments delete %1</translation>
    </message>
    <message>
        <source>Deployment %1 is stopping; it no longer bills once stopped.</source>
        <translation>デプロイ %1 を停止しています。停止すると課金されなくなります。</translation>
    </message>
    <message>
        <source>error: the deployment of %1 (%2) is still starting (%3). Try again once &apos;finetune-studio deployments list&apos; shows it started.</source>
        <translation>エラー: %1 のデプロイ (%2) はまだ起動中です (%3)。&apos;finetune-studio deployments list&apos; で起動が確認できてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>error: %1 must be deployed before it can answer on %2. Deploy it first: finetune-studio deployments create %1</source>
        <translation>エラー: %2 で %1 が回答するには、先にデプロイする必要があります。まずデプロイしてください: finetune-studio deployments create %1</translation>
    </message>
    <message>
        <source>create: print the id at once instead of waiting until it runs.</source>
        <translation>create: 実行が始まるまで待たずに、すぐにIDを表示します。</translation>
    </message>
    <message>
        <source>create: stop by itself after this many minutes without requests (0: never; default: the service&apos;s).</source>
        <translation>create: リクエストがないままこの分数が経つと自動で停止します (0: 停止しない。既定: サービスの設定)。</translation>
    </message>
    <message>
        <source>Seconds between checks while waiting.</source>
        <translation>待っている間に確認する間隔 (秒)。</translation>
    </message>
    <message>
        <source>list | create MODEL | delete ID</source>
        <translation>list | create MODEL | delete ID</translation>
    </message>
    <message>
        <source>usage: finetune-studio deployments list | create MODEL [--hardware ID] [--no-wait] | delete ID</source>
        <translation>使い方: finetune-studio deployments list | create MODEL [--hardware ID] [--no-wait] | delete ID</translation>
    </message>
    <message>
        <source>Its fine-tuned models answer as soon as their job has succeeded: finetune-studio chat --model MODEL …</source>
        <translation>このサービスでは、ファインチューニングしたモデルはジョブが成功するとすぐに回答します: finetune-studio chat --model MODEL …</translation>
    </message>
    <message>
        <source>(and %1 more)</source>
        <translation>(ほかに %1件)</translation>
    </message>
    <message>
        <source>Sending anyway (--upload-anyway).</source>
        <translation>このまま送信します (--upload-anyway)。</translation>
    </message>
    <message>
        <source>Not sent. Fix the file, or run again with --upload-anyway.</source>
        <translation>送信していません。ファイルを修正するか、--upload-anyway を付けてもう一度実行してください。</translation>
    </message>
    <message>
        <source>Upload in parts (the Uploads API) even when the file is small, so an interrupted upload can be resumed. Files over 512 MB always are. OpenAI only: Together AI takes each file in one piece.</source>
        <translation>ファイルが小さくてもパートに分けてアップロードし (Uploads API)、中断したアップロードを再開できるようにします。512 MBを超えるファイルは常に分割されます。OpenAI のみ: Together AI は各ファイルを1回でまとめて受け取ります。</translation>
    </message>
    <message>
        <source>Send the file even when the check before sending finds errors.</source>
        <translation>送信前の検査でエラーが見つかっても、ファイルを送信します。</translation>
    </message>
    <message>
        <source>Do not check the examples before sending.</source>
        <translation>送信前に例を検査しません。</translation>
    </message>
    <message>
        <source>list | upload FILE [--purpose P] [--resumable] [--part-size MB] [--upload-anyway] | delete ID</source>
        <translation>list | upload FILE [--purpose P] [--resumable] [--part-size MB] [--upload-anyway] | delete ID</translation>
    </message>
    <message>
        <source>--%1 takes a number.</source>
        <translation>--%1 には数値を指定してください。</translation>
    </message>
    <message>
        <source>%1 takes an absolute learning rate; use --learning-rate.</source>
        <translation>%1 では学習率そのものを指定します。--learning-rate を使ってください。</translation>
    </message>
    <message>
        <source>%1 takes a learning rate multiplier; use --learning-rate-multiplier.</source>
        <translation>%1 では学習率の倍率を指定します。--learning-rate-multiplier を使ってください。</translation>
    </message>
    <message>
        <source>%1 has no setting for %2 (--%3).</source>
        <translation>%1 には%2の設定がありません (--%3)。</translation>
    </message>
    <message>
        <source>--%1 takes a whole number.</source>
        <translation>--%1 には整数を指定してください。</translation>
    </message>
    <message>
        <source>%1 applies only to preference (DPO) training: add --method dpo.</source>
        <translation>%1 は選好の学習 (DPO) でのみ使われます。--method dpo を追加してください。</translation>
    </message>
    <message>
        <source>%1 applies only to LoRA training; leave out --full.</source>
        <translation>%1 は LoRA 学習でのみ使われます。--full を外してください。</translation>
    </message>
    <message>
        <source>the suffix may have at most 64 characters.</source>
        <translation>サフィックスは64文字以内にしてください。</translation>
    </message>
    <message>
        <source>--method takes sft (supervised) or dpo (preference).</source>
        <translation>--method には sft (教師あり) または dpo (選好) を指定してください。</translation>
    </message>
    <message>
        <source>%1 cannot be trained with %2 on %3.</source>
        <translation>%3 では %1 を%2で学習できません。</translation>
    </message>
    <message>
        <source>preference (DPO) training</source>
        <translation>選好の学習 (DPO)</translation>
    </message>
    <message>
        <source>supervised training</source>
        <translation>教師あり学習</translation>
    </message>
    <message>
        <source>choose either --lora or --full.</source>
        <translation>--lora と --full のどちらか一方を指定してください。</translation>
    </message>
    <message>
        <source>full</source>
        <translation>フル学習</translation>
    </message>
    <message>
        <source>rank %1</source>
        <translation>ランク %1</translation>
    </message>
    <message>
        <source>alpha %1</source>
        <translation>アルファ %1</translation>
    </message>
    <message>
        <source>dropout %1</source>
        <translation>ドロップアウト %1</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>LoRA (%1)</source>
        <translation>LoRA (%1)</translation>
    </message>
    <message>
        <source>usage: finetune-studio jobs create --model MODEL --training-file FILE_ID [--validation-file FILE_ID] [--suffix TEXT] [--epochs N]</source>
        <translation>使い方: finetune-studio jobs create --model MODEL --training-file FILE_ID [--validation-file FILE_ID] [--suffix TEXT] [--epochs N]</translation>
    </message>
    <message>
        <source>learning rate %1</source>
        <translation>学習率 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n epoch(s)</source>
        <translation>
            <numerusform>%nエポック</numerusform>
        </translation>
    </message>
    <message>
        <source>  settings:    %1</source>
        <translation>  設定:          %1</translation>
    </message>
    <message>
        <source>  model name:  %1 (once trained)</source>
        <translation>  モデル名:      %1 (学習後)</translation>
    </message>
    <message>
        <source>  metrics: %1 steps, final training loss %2</source>
        <translation>  指標: %1ステップ、最終の学習損失 %2</translation>
    </message>
    <message>
        <source>Up to 64 characters (Together AI: 40) added to the model&apos;s name.</source>
        <translation>モデル名に付け加える64文字以内 (Together AI: 40文字以内) の文字列。</translation>
    </message>
    <message>
        <source>Passes over the training data (OpenAI: 1-50; default: chosen by the service).</source>
        <translation>学習データを繰り返す回数 (OpenAI: 1〜50、既定: サービスが決定)。</translation>
    </message>
    <message>
        <source>sft (supervised, the default) or dpo (preference pairs).</source>
        <translation>sft (教師あり、既定) または dpo (選好ペア)。</translation>
    </message>
    <message>
        <source>DPO only: how far the model may move from the base.</source>
        <translation>DPO のみ: モデルがベースモデルからどれだけ離れてよいか。</translation>
    </message>
    <message>
        <source>Examples per training step.</source>
        <translation>学習の1ステップあたりの例の数。</translation>
    </message>
    <message>
        <source>OpenAI: a multiplier of its own learning rate.</source>
        <translation>OpenAI: OpenAI 自身の学習率に掛ける倍率。</translation>
    </message>
    <message>
        <source>Together AI: an absolute learning rate, such as 0.00001.</source>
        <translation>Together AI: 学習率そのもの (0.00001 など)。</translation>
    </message>
    <message>
        <source>Together AI: train a small LoRA adapter (cheaper, faster).</source>
        <translation>Together AI: 小さな LoRA アダプターを学習します (安く、速い)。</translation>
    </message>
    <message>
        <source>Together AI: train every weight.</source>
        <translation>Together AI: すべての重みを学習します。</translation>
    </message>
    <message>
        <source>LoRA: the adapter&apos;s rank (default: the service&apos;s, 8 on Together AI).</source>
        <translation>LoRA: アダプターのランク (既定: サービスの設定。Together AI では 8)。</translation>
    </message>
    <message>
        <source>LoRA: the adapter&apos;s scaling (default: twice the rank).</source>
        <translation>LoRA: アダプターの倍率 (既定: ランクの2倍)。</translation>
    </message>
    <message>
        <source>LoRA: dropout, 0 or more and below 1.</source>
        <translation>LoRA: ドロップアウト。0 以上 1 未満。</translation>
    </message>
    <message>
        <source>Together AI: evaluations on the validation file during training.</source>
        <translation>Together AI: 学習中に検証ファイルで評価する回数。</translation>
    </message>
    <message>
        <source>Together AI: checkpoints kept during training.</source>
        <translation>Together AI: 学習中に残すチェックポイントの数。</translation>
    </message>
    <message>
        <source>Together AI speaks on %1: pass --provider together --base-url %1</source>
        <translation>Together AI のアドレスは %1 です: --provider together --base-url %1 を指定してください</translation>
    </message>
    <message>
        <source>the saved connection &apos;%1&apos; is a %2 connection, not %3. Leave out --provider to use it as it is.</source>
        <translation>保存済みの接続 &apos;%1&apos; は %3 ではなく %2 の接続です。そのまま使うには --provider を外してください。</translation>
    </message>
    <message>
        <source>Sending: %1</source>
        <translation>送信中: %1</translation>
    </message>
    <message>
        <source>usage: finetune-studio capture --model M FILE --out OUT.jsonl [--concurrency N] [--provider P]</source>
        <translation>使い方: finetune-studio capture --model M FILE --out OUT.jsonl [--concurrency N] [--provider P]</translation>
    </message>
    <message>
        <source>The model whose answers to keep.</source>
        <translation>回答を保存するモデル。</translation>
    </message>
    <message>
        <source>The chat JSONL file the answers go to. If it holds an earlier capture of the same model, that capture continues.</source>
        <translation>回答の書き込み先となるチャット JSONL ファイル。同じモデルの以前の収集結果が含まれている場合は、その続きから収集します。</translation>
    </message>
    <message>
        <source>Sampling temperature (default 0: the model&apos;s most likely answer).</source>
        <translation>サンプリング温度 (既定値 0: モデルの最も確からしい回答)。</translation>
    </message>
    <message>
        <source>A seed, for services that repeat an answer for the same seed.</source>
        <translation>シード。同じシードに対して同じ回答を返すサービスで使われます。</translation>
    </message>
    <message>
        <source>The prompts: a chat JSONL file (each example up to its last assistant answer), a saved Playground comparison (its user messages), or a text file with one prompt per line (or prompts separated by empty lines).</source>
        <translation>プロンプト: チャット JSONL ファイル (各例の最後のアシスタントの回答の手前まで)、保存したプレイグラウンドの比較 (そのユーザーメッセージ)、または1行に1つのプロンプトを書いたテキストファイル (または空行で区切ったプロンプト)。</translation>
    </message>
    <message>
        <source>Keeps a model&apos;s behaviour: sends every prompt of FILE to the model and writes its answers as a chat dataset. Interrupted, run the same command again: it continues where it stopped.</source>
        <translation>モデルの振る舞いを保存します: FILE の各プロンプトをモデルに送り、その回答をチャットデータセットとして書き出します。中断した場合は、同じコマンドをもう一度実行すると、止まったところから再開します。</translation>
    </message>
    <message>
        <source>error: --seed takes a whole number.</source>
        <translation>エラー: --seed には整数を指定してください。</translation>
    </message>
    <message>
        <source>error: the answers cannot go into the file the prompts come from; choose another --out.</source>
        <translation>エラー: プロンプトの読み込み元のファイルに回答を書き込むことはできません。別の --out を指定してください。</translation>
    </message>
    <message>
        <source>note: 1 example without a user message was left out.</source>
        <translation>注意: ユーザーメッセージのない例を1件除外しました。</translation>
    </message>
    <message>
        <source>note: %1 examples without a user message were left out.</source>
        <translation>注意: ユーザーメッセージのない例を %1 件除外しました。</translation>
    </message>
    <message>
        <source>note: the last line of %1 was cut off (the capture was interrupted); it was removed and its prompt is asked again.</source>
        <translation>注意: %1 の最終行が途中で切れていました (収集が中断されたため)。この行を削除し、そのプロンプトをもう一度送ります。</translation>
    </message>
    <message>
        <source>note: %1 answers in %2 are to prompts that are not in %3; they are kept.</source>
        <translation>注意: %2 にある %1 件の回答は、%3 にないプロンプトに対するものです。これらはそのまま残します。</translation>
    </message>
    <message>
        <source>Continuing: %1 of %2 answers are already in %3.</source>
        <translation>再開: %2 件中 %1 件の回答がすでに %3 にあります。</translation>
    </message>
    <message>
        <source>%1 of %2 answers captured, %3 failed</source>
        <translation>%2 件中 %1 件の回答を収集、%3 件失敗</translation>
    </message>
    <message>
        <source>%1 of %2 answers captured</source>
        <translation>%2 件中 %1 件の回答を収集</translation>
    </message>
    <message>
        <source>%1 of %2 answers of %3 are in %4.</source>
        <translation>%3 の回答 %2 件中 %1 件が %4 にあります。</translation>
    </message>
    <message>
        <source>Run the same command again to ask for the missing ones.</source>
        <translation>不足分を取得するには、同じコマンドをもう一度実行してください。</translation>
    </message>
    <message>
        <source>keep a model&apos;s answers to prompts as a dataset</source>
        <translation>プロンプトに対するモデルの回答をデータセットとして保存する</translation>
    </message>
    <message>
        <source>The service: openai (also OpenAI-compatible servers), together (Together AI, key in TOGETHER_API_KEY) or azure (Azure OpenAI, key in AZURE_OPENAI_API_KEY, endpoint in AZURE_OPENAI_ENDPOINT). Default: openai, or the kind of the saved connection.</source>
        <translation>サービス: openai (OpenAI 互換サーバーを含む)、together (Together AI、キーは TOGETHER_API_KEY)、azure (Azure OpenAI、キーは AZURE_OPENAI_API_KEY、エンドポイントは AZURE_OPENAI_ENDPOINT)。既定値: openai、または保存した接続の種類。</translation>
    </message>
    <message>
        <source>error: there is no provider named &apos;%1&apos;. Use --provider openai, --provider together, --provider azure or --provider fireworks.</source>
        <translation>エラー: &apos;%1&apos; という名前のプロバイダーはありません。--provider openai、--provider together、--provider azure、--provider fireworks のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>error: Fireworks AI needs your account id. Set FIREWORKS_ACCOUNT_ID (and FIREWORKS_API_KEY), or pass --connection NAME. To try things offline, run &apos;finetune-studio sandbox&apos;, pass the address it prints ending in /fireworks as --base-url, and any account id.</source>
        <translation>エラー: Fireworks AI にはアカウント ID が必要です。FIREWORKS_ACCOUNT_ID (と FIREWORKS_API_KEY) を設定するか、--connection NAME を指定してください。オフラインで試すには、&apos;finetune-studio sandbox&apos; を実行し、表示される /fireworks で終わるアドレスを --base-url に指定し、アカウント ID には任意の値を指定してください。</translation>
    </message>
    <message>
        <source>error: no Azure OpenAI endpoint given. Set AZURE_OPENAI_ENDPOINT (https://NAME.openai.azure.com) and AZURE_OPENAI_API_KEY, or pass --base-url URL. To try things offline, run &apos;finetune-studio sandbox&apos; and pass the address it prints, without /v1, as --base-url.</source>
        <translation>エラー: Azure OpenAI のエンドポイントが指定されていません。AZURE_OPENAI_ENDPOINT (https://NAME.openai.azure.com) と AZURE_OPENAI_API_KEY を設定するか、--base-url URL を指定してください。オフラインで試すには、&apos;finetune-studio sandbox&apos; を実行し、表示されるアドレスを /v1 を除いて --base-url に指定してください。</translation>
    </message>
    <message>
        <source>Azure: the subscription id of the Azure OpenAI resource (portal: the resource&apos;s Overview page).</source>
        <translation>Azure: Azure OpenAI リソースのサブスクリプション ID (ポータルのリソースの「概要」ページ)。</translation>
    </message>
    <message>
        <source>Azure: the resource group of the Azure OpenAI resource.</source>
        <translation>Azure: Azure OpenAI リソースのリソースグループ。</translation>
    </message>
    <message>
        <source>Azure: the Azure OpenAI resource&apos;s name (NAME in https://NAME.openai.azure.com).</source>
        <translation>Azure: Azure OpenAI リソースの名前 (https://NAME.openai.azure.com の NAME)。</translation>
    </message>
    <message>
        <source>Azure: the directory (tenant) to sign in to (default: any work or school account).</source>
        <translation>Azure: サインインするディレクトリ (テナント) (既定値: 任意の職場または学校アカウント)。</translation>
    </message>
    <message>
        <source>create: the hardware id (default: the cheapest the service lists for the model). On Azure the deployment type: developer (no hosting fee, removed after 24 hours; the default) or standard (hourly fee).</source>
        <translation>create: ハードウェア ID (既定値: サービスがそのモデル向けに示す最も安いもの)。Azure ではデプロイの種類: developer (ホスティング料金なし、24 時間後に削除。既定値) または standard (時間単位の料金)。</translation>
    </message>
    <message>
        <source>Lists, starts or stops deployments: fine-tuned models that answer only once deployed (Together AI, Azure OpenAI), billed while they run. On Azure: --subscription, --resource-group and --account say where the resource is.</source>
        <translation>デプロイの一覧表示・開始・停止を行います。デプロイとは、デプロイして初めて回答できるファインチューニング済みモデル (Together AI、Azure OpenAI) で、実行中は課金されます。Azure では、--subscription、--resource-group、--account でリソースの場所を指定します。</translation>
    </message>
    <message>
        <source>error: deployments on Azure need to know where the resource is: pass --subscription ID, --resource-group NAME and --account NAME (the Azure portal shows them on the resource&apos;s Overview page).</source>
        <translation>エラー: Azure でのデプロイにはリソースの場所が必要です。--subscription ID、--resource-group NAME、--account NAME を指定してください (Azure ポータルのリソースの「概要」ページに表示されます)。</translation>
    </message>
    <message>
        <source>error: deployments on Azure are made with a Microsoft sign-in, not the API key. Sign in once in the app and use --connection NAME, or set AZURE_ACCESS_TOKEN (for example from: az account get-access-token --resource https://management.azure.com --query accessToken -o tsv).</source>
        <translation>エラー: Azure でのデプロイには、API キーではなく Microsoft のサインインを使います。アプリで一度サインインして --connection NAME を使うか、AZURE_ACCESS_TOKEN を設定してください (例: az account get-access-token --resource https://management.azure.com --query accessToken -o tsv で取得)。</translation>
    </message>
    <message>
        <source>Job %1 is deleted (a running job stops).</source>
        <translation>ジョブ %1 を削除しました (実行中のジョブは停止します)。</translation>
    </message>
    <message>
        <source>Fireworks AI: the longest example trained on, in tokens.</source>
        <translation>Fireworks AI: 学習する例の最大長 (トークン数)。</translation>
    </message>
    <message>
        <source>list | create --model M --training-file ID | watch ID | cancel ID | delete ID</source>
        <translation>list | create --model M --training-file ID | watch ID | cancel ID | delete ID</translation>
    </message>
    <message>
        <source>usage: finetune-studio jobs list | create --model M --training-file ID | watch ID | cancel ID | delete ID</source>
        <translation>使い方: finetune-studio jobs list | create --model M --training-file ID | watch ID | cancel ID | delete ID</translation>
    </message>
    <message numerus="yes">
        <source>error: %Ln answer(s) could not be obtained: %1</source>
        <translation>
            <numerusform>error: %Ln件の回答を取得できませんでした: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln example(s) from %1</source>
        <translation>
            <numerusform>%1 から%Ln件の例</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln example(s)</source>
        <translation>
            <numerusform>%1: 例%Ln件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln example(s) longer than %1 tokens will be cut at the end.</source>
        <translation>
            <numerusform>%1トークンを超える%Ln件の例は末尾が切り捨てられます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Estimate for %1: %Ln epoch(s), %2 billed tokens</source>
        <translation>
            <numerusform>%1 の概算: %Lnエポック、課金対象 %2トークン</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>エラー%Ln件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>警告%Ln件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::sandbox</name>
    <message>
        <source>The folder %1 cannot be created or written to.</source>
        <translation>フォルダー %1 を作成できないか、書き込めません。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>ファイル %1 を読み込めません。</translation>
    </message>
    <message>
        <source>The saved sandbox state in %1 is damaged.</source>
        <translation>%1 に保存されたサンドボックスの状態が壊れています。</translation>
    </message>
</context>
<context>
    <name>fs::sandbox::SandboxServer</name>
    <message>
        <source>Port %1 on this computer is already in use or not available.</source>
        <translation>このコンピューターのポート %1 は、すでに使用中か利用できません。</translation>
    </message>
</context>
<context>
    <name>fs::ui::BatchPage</name>
    <message>
        <source>ROUGE-L of model 2 minus model 1: above 0, model 2 came closer to the reference</source>
        <translation>モデル2のROUGE-Lからモデル1のROUGE-Lを引いた値: 0より大きければ、モデル2のほうが参照回答に近い</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>ROUGE-1</source>
        <translation>ROUGE-1</translation>
    </message>
    <message>
        <source>ROUGE-2</source>
        <translation>ROUGE-2</translation>
    </message>
    <message>
        <source>ROUGE-L</source>
        <translation>ROUGE-L</translation>
    </message>
    <message>
        <source>Model %1
%2</source>
        <translation>モデル %1
%2</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>例</translation>
    </message>
    <message>
        <source>A file on this computer:</source>
        <translation>このコンピューター上のファイル:</translation>
    </message>
    <message>
        <source>The dataset open in Datasets</source>
        <translation>「データセット」で開いているデータセット</translation>
    </message>
    <message>
        <source>A validation file (.jsonl) the models did not train on</source>
        <translation>モデルの学習に使っていない検証ファイル (.jsonl)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Each example&apos;s last answer is the reference that the models&apos; answers are scored against.</source>
        <translation>各例の最後の回答が参照回答となり、モデルの回答はこれと比べて採点されます。</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Add Model</source>
        <translation>モデルを追加</translation>
    </message>
    <message>
        <source>How many questions are sent at the same time. Lower it if the service says you are sending too fast.</source>
        <translation>同時に送信する質問の数です。サービスから送信が速すぎると言われた場合は、値を下げてください。</translation>
    </message>
    <message>
        <source>Count word forms as the same (&quot;answers&quot; = &quot;answer&quot;)</source>
        <translation>語形の違いを同一とみなす (「answers」=「answer」)</translation>
    </message>
    <message>
        <source>At the same time:</source>
        <translation>同時送信数:</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>%v of %m answers</source>
        <translation>%m件中%v件の回答</translation>
    </message>
    <message>
        <source>Choose a validation file or the open dataset, pick two or more models, then press Run. Each example&apos;s answers appear here with their scores.</source>
        <translation>検証ファイルまたは開いているデータセットを選び、モデルを2つ以上選んでから「実行」を押してください。各例の回答がスコアとともにここに表示されます。</translation>
    </message>
    <message>
        <source>Biggest Differences First</source>
        <translation>差の大きい順</translation>
    </message>
    <message>
        <source>Sort by how much better the second model scored than the first</source>
        <translation>2つ目のモデルのスコアが1つ目のモデルをどれだけ上回ったかで並べ替えます</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSVを書き出す…</translation>
    </message>
    <message>
        <source>Save Results…</source>
        <translation>結果を保存…</translation>
    </message>
    <message>
        <source>Keep the answers so they can be scored again later without asking the models</source>
        <translation>回答を保存しておくと、後でモデルに問い合わせずにもう一度採点できます</translation>
    </message>
    <message>
        <source>Open Results…</source>
        <translation>結果を開く…</translation>
    </message>
    <message>
        <source>Asking the models again…</source>
        <translation>モデルにもう一度問い合わせています…</translation>
    </message>
    <message>
        <source>Remove this model</source>
        <translation>このモデルを削除</translation>
    </message>
    <message>
        <source>Model %1:</source>
        <translation>モデル %1:</translation>
    </message>
    <message>
        <source>Open a dataset in Datasets first.</source>
        <translation>先に「データセット」でデータセットを開いてください。</translation>
    </message>
    <message>
        <source>Choose the file with the examples first.</source>
        <translation>先に例のファイルを選んでください。</translation>
    </message>
    <message>
        <source>These examples have no answers to compare with: each needs a last answer from the assistant.</source>
        <translation>これらの例には比較する回答がありません。各例の最後にアシスタントの回答が必要です。</translation>
    </message>
    <message>
        <source>Choose at least two models.</source>
        <translation>モデルを2つ以上選んでください。</translation>
    </message>
    <message>
        <source>Asking the models…</source>
        <translation>モデルに問い合わせています…</translation>
    </message>
    <message>
        <source>Skipped examples without an answer to compare with: %1.</source>
        <translation>比較する回答がない例をスキップしました: %1。</translation>
    </message>
    <message>
        <source>The service asked to slow down. Continuing in %1 s…</source>
        <translation>サービスから速度を落とすよう求められました。%1 秒後に再開します…</translation>
    </message>
    <message>
        <source>Cancelled. The answers that arrived are kept; Run starts again.</source>
        <translation>キャンセルしました。届いた回答は残してあります。「実行」でもう一度開始します。</translation>
    </message>
    <message>
        <source>Done, but some answers could not be had (%1); they are marked in the table.</source>
        <translation>完了しましたが、一部の回答を取得できませんでした (%1)。該当箇所は表に印が付いています。</translation>
    </message>
    <message>
        <source>Done. Examples scored: %1.</source>
        <translation>完了しました。採点した例: %1。</translation>
    </message>
    <message>
        <source>Average per model</source>
        <translation>モデルごとの平均</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Model %1: %2</source>
        <translation>モデル %1: %2</translation>
    </message>
    <message>
        <source>Scores run from 0 to 1: how much of the reference answer&apos;s wording the model&apos;s answer shares (single words, word pairs, longest common sequence).</source>
        <translation>スコアは0〜1で、モデルの回答が参照回答の言葉づかいをどれだけ共有しているかを示します (単語、2語の組、最長共通部分列)。</translation>
    </message>
    <message>
        <source>Scored again from the stored answers; no model was asked.</source>
        <translation>保存した回答から採点し直しました。モデルへの問い合わせは行っていません。</translation>
    </message>
    <message>
        <source>Choose Examples</source>
        <translation>例の選択</translation>
    </message>
    <message>
        <source>Training files (*.jsonl);;All files (*)</source>
        <translation>学習ファイル (*.jsonl);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>CSVとして書き出し</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSVファイル (*.csv)</translation>
    </message>
    <message>
        <source>Save Results</source>
        <translation>結果の保存</translation>
    </message>
    <message>
        <source>Comparison results (*.jsonl)</source>
        <translation>比較結果 (*.jsonl)</translation>
    </message>
    <message>
        <source>Open Results</source>
        <translation>結果を開く</translation>
    </message>
    <message>
        <source>Comparison results (*.jsonl);;All files (*)</source>
        <translation>比較結果 (*.jsonl);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>The table could not be exported.</source>
        <translation>表を書き出せませんでした。</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>%1 に書き出しました。</translation>
    </message>
    <message>
        <source>The results could not be saved.</source>
        <translation>結果を保存できませんでした。</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>%1 に保存しました。</translation>
    </message>
    <message>
        <source>This file does not hold saved comparison results.</source>
        <translation>このファイルには保存された比較結果が含まれていません。</translation>
    </message>
    <message>
        <source>Opened %1 (examples: %2), scored from the stored answers.</source>
        <translation>%1 を開きました (例: %2件)。保存された回答から採点しました。</translation>
    </message>
    <message>
        <source>models %1 and %2</source>
        <translation>モデル %1 とモデル %2</translation>
    </message>
    <message>
        <source>The same model is chosen twice (%1), so their scores can only be alike. A checkpoint at the last step is the finished model itself. Choose a different model, for example the base model.</source>
        <translation>同じモデルが2回選ばれているため (%1)、スコアは同じになるだけです。最後のステップのチェックポイントは、完成したモデルそのものです。ベースモデルなど、別のモデルを選んでください。</translation>
    </message>
    <message>
        <source>Practice answers — every answer below is simulated by the built-in sandbox</source>
        <translation>練習用の回答 — 以下の回答はすべて内蔵のサンドボックスによるシミュレーションです</translation>
    </message>
    <message>
        <source>Practice answers — the answers of model %1 are simulated by the built-in sandbox</source>
        <translation>練習用の回答 — モデル %1 の回答は内蔵のサンドボックスによるシミュレーションです</translation>
    </message>
    <message>
        <source>%1 (simulated)</source>
        <translation>%1 (シミュレーション)</translation>
    </message>
    <message>
        <source>The same model is chosen twice (%1): a name without a date is the service&apos;s short name for a dated version, so their scores can only be alike. Choose a different model.</source>
        <translation>同じモデルが2回選ばれています (%1)。日付のない名前は、日付付きのバージョンをサービスが短く呼ぶための名前なので、スコアは同じになるだけです。別のモデルを選んでください。</translation>
    </message>
    <message>
        <source>The model runs now: press Run again.</source>
        <translation>モデルが実行中になりました。もう一度「実行」を押してください。</translation>
    </message>
    <message>
        <source>Nothing was sent: a model above must be deployed first.</source>
        <translation>何も送信していません: 上のモデルを先にデプロイする必要があります。</translation>
    </message>
</context>
<context>
    <name>fs::ui::BlindPage</name>
    <message>
        <source>Two models answer each message. You don&apos;t see which is which: the answers are shown as A and B, in a new random order every time. Pick the better one; the tally shows how often each model wins.</source>
        <translation>2つのモデルがそれぞれのメッセージに回答します。どちらのモデルの回答かは表示されず、回答はAとBとして毎回ランダムな順序で表示されます。よいほうを選んでください。集計表には、各モデルが勝った割合が表示されます。</translation>
    </message>
    <message>
        <source>Optional, the same for both</source>
        <translation>任意 (両方で共通)</translation>
    </message>
    <message>
        <source>First model:</source>
        <translation>1つ目のモデル:</translation>
    </message>
    <message>
        <source>Second model:</source>
        <translation>2つ目のモデル:</translation>
    </message>
    <message>
        <source>Instructions:</source>
        <translation>指示:</translation>
    </message>
    <message>
        <source>Answer A appears here.</source>
        <translation>回答Aがここに表示されます。</translation>
    </message>
    <message>
        <source>Answer B appears here.</source>
        <translation>回答Bがここに表示されます。</translation>
    </message>
    <message>
        <source>A is better  [1]</source>
        <translation>Aのほうがよい  [1]</translation>
    </message>
    <message>
        <source>B is better  [2]</source>
        <translation>Bのほうがよい  [2]</translation>
    </message>
    <message>
        <source>About the same  [3]</source>
        <translation>ほぼ同じ  [3]</translation>
    </message>
    <message>
        <source>Both are bad  [4]</source>
        <translation>どちらもよくない  [4]</translation>
    </message>
    <message>
        <source>Reveal Names</source>
        <translation>名前を表示</translation>
    </message>
    <message>
        <source>Add to Dataset…</source>
        <translation>データセットに追加…</translation>
    </message>
    <message>
        <source>Teach the model the better answer: add it to the open dataset as a corrected example or a preference pair</source>
        <translation>よいほうの回答をモデルに学習させます: 修正した例または選好ペアとして、開いているデータセットに追加します</translation>
    </message>
    <message>
        <source>To keep the better answer as training data, a dataset must be open in Datasets.</source>
        <translation>よいほうの回答を学習データとして残すには、「データセット」でデータセットを開いておく必要があります。</translation>
    </message>
    <message>
        <source>Create a Dataset</source>
        <translation>データセットを作成</translation>
    </message>
    <message>
        <source>Write a message for both models. Ctrl+Return sends it.</source>
        <translation>両方のモデルに送るメッセージを入力してください。Ctrl+Return で送信します。</translation>
    </message>
    <message>
        <source>Ask Both</source>
        <translation>両方に質問</translation>
    </message>
    <message>
        <source>Send the message to both models (Ctrl+Return)</source>
        <translation>メッセージを両方のモデルに送信します (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>対戦相手</translation>
    </message>
    <message>
        <source>Wins, losses, ties</source>
        <translation>勝ち、負け、引き分け</translation>
    </message>
    <message>
        <source>Win rate (95% range)</source>
        <translation>勝率 (95% の範囲)</translation>
    </message>
    <message>
        <source>A tie counts as half a win for each; &quot;both bad&quot; is not counted. The range is where the true rate lies with 95% confidence; it narrows as you rate more messages.</source>
        <translation>引き分けはそれぞれ0.5勝として数え、「どちらもよくない」は数えません。範囲は、本当の勝率が95%の確からしさで含まれる区間です。評価したメッセージが増えるほど狭くなります。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>中止しました。</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>The message could not be sent.</source>
        <translation>メッセージを送信できませんでした。</translation>
    </message>
    <message>
        <source>Both models are answering… (Esc stops)</source>
        <translation>両方のモデルが回答しています… (Esc で中止)</translation>
    </message>
    <message>
        <source>One of the models gave no answer, so there is nothing to compare. Try the message again.</source>
        <translation>一方のモデルが回答しなかったため、比較できません。もう一度メッセージを送ってください。</translation>
    </message>
    <message>
        <source>Which answer is better? Press 1 for A, 2 for B, 3 if they are about the same, 4 if both are bad.</source>
        <translation>どちらの回答がよいですか? Aなら1、Bなら2、ほぼ同じなら3、どちらもよくなければ4を押してください。</translation>
    </message>
    <message>
        <source>Noted: A is better.</source>
        <translation>記録しました: Aのほうがよい。</translation>
    </message>
    <message>
        <source>Noted: B is better.</source>
        <translation>記録しました: Bのほうがよい。</translation>
    </message>
    <message>
        <source>Noted: about the same.</source>
        <translation>記録しました: ほぼ同じ。</translation>
    </message>
    <message>
        <source>Noted: both are bad.</source>
        <translation>記録しました: どちらもよくない。</translation>
    </message>
    <message>
        <source>Add the better answer to your dataset to teach the model, or write the next message.</source>
        <translation>よいほうの回答をデータセットに追加してモデルに学習させるか、次のメッセージを入力してください。</translation>
    </message>
    <message>
        <source>Answer A</source>
        <translation>回答A</translation>
    </message>
    <message>
        <source>Answer B</source>
        <translation>回答B</translation>
    </message>
    <message>
        <source>Answer A — %1</source>
        <translation>回答A — %1</translation>
    </message>
    <message>
        <source>Answer B — %1</source>
        <translation>回答B — %1</translation>
    </message>
    <message>
        <source>No votes yet.</source>
        <translation>まだ投票がありません。</translation>
    </message>
    <message>
        <source>no decisive votes yet</source>
        <translation>勝敗のついた投票はまだありません</translation>
    </message>
    <message>
        <source>%1 (%2 – %3)</source>
        <translation>%1 (%2 – %3)</translation>
    </message>
    <message>
        <source>Open or create a dataset in Datasets first.</source>
        <translation>先に「データセット」でデータセットを開くか作成してください。</translation>
    </message>
    <message>
        <source>Added a preference pair as example %1 of %2 (Undo in Datasets takes it back).</source>
        <translation>選好ペアを例 %1 (全%2件) として追加しました (「データセット」の「元に戻す」で取り消せます)。</translation>
    </message>
    <message>
        <source>Added a corrected example as example %1 of %2 (Undo in Datasets takes it back).</source>
        <translation>修正した例を例 %1 (全%2件) として追加しました (「データセット」の「元に戻す」で取り消せます)。</translation>
    </message>
    <message>
        <source>Write the Better Answer…</source>
        <translation>よりよい回答を書く…</translation>
    </message>
    <message>
        <source>Both answers were bad: write the answer the model should have given and add it to the open dataset as a corrected example</source>
        <translation>どちらの回答もよくなかったときに、モデルが返すべきだった回答を書いて、修正した例として開いているデータセットに追加します</translation>
    </message>
    <message>
        <source>Write the better answer to teach the model, or write the next message.</source>
        <translation>よりよい回答を書いてモデルに学習させるか、次のメッセージを入力してください。</translation>
    </message>
    <message>
        <source>Both sides are the same model: %1 and %2 are one model (the checkpoint at the last step is the finished model). Choose a different model on one side, for example the base model.</source>
        <translation>両側が同じモデルです。%1 と %2 は同一のモデルです (最後のステップのチェックポイントは、完成したモデルそのものです)。どちらか一方で、ベースモデルなど別のモデルを選んでください。</translation>
    </message>
    <message>
        <source>Both sides are the same model, so there is nothing to compare. Choose a different model on one side, for example the base model.</source>
        <translation>両側が同じモデルなので、比較するものがありません。どちらか一方で、ベースモデルなど別のモデルを選んでください。</translation>
    </message>
    <message>
        <source>Practice answers — both are simulated by the built-in sandbox</source>
        <translation>練習用の回答 — どちらも内蔵のサンドボックスによるシミュレーションです</translation>
    </message>
    <message>
        <source>Practice answer on side %1 — simulated by the built-in sandbox</source>
        <translation>回答%1は練習用 — 内蔵のサンドボックスによるシミュレーションです</translation>
    </message>
    <message>
        <source>One of the two answers is simulated by the built-in sandbox (Reveal Names shows which)</source>
        <translation>2つの回答のうち1つは、内蔵のサンドボックスによるシミュレーションです (どちらかは「名前を表示」で分かります)</translation>
    </message>
    <message>
        <source>Both sides are the same model: %1 is the service&apos;s short name for %2, so there is nothing to compare. Choose a different model on one side.</source>
        <translation>両側とも同じモデルです。%1 は %2 をサービスが短く呼ぶための名前なので、比べられるものがありません。どちらか一方で別のモデルを選んでください。</translation>
    </message>
    <message>
        <source>The model runs now: press Ask again.</source>
        <translation>モデルが実行中になりました。もう一度「質問」を押してください。</translation>
    </message>
    <message>
        <source>Nothing was sent: a model above must be deployed first.</source>
        <translation>何も送信していません: 上のモデルを先にデプロイする必要があります。</translation>
    </message>
</context>
<context>
    <name>fs::ui::CaptureDialog</name>
    <message>
        <source>Capture Answers</source>
        <translation>回答の収集</translation>
    </message>
    <message>
        <source>Sends each prompt to a model and keeps its answers as a new dataset: to keep a model&apos;s behaviour before it stops answering, or to train another model on it. Interrupted, start again with the same file: it continues where it stopped.</source>
        <translation>各プロンプトをモデルに送り、その回答を新しいデータセットとして保存します。モデルが応答を停止する前にその振る舞いを残したり、別のモデルの学習に使ったりできます。中断した場合は、同じファイルでもう一度開始すると、止まったところから再開します。</translation>
    </message>
    <message>
        <source>The open dataset</source>
        <translation>開いているデータセット</translation>
    </message>
    <message>
        <source>A file of examples or prompts</source>
        <translation>例またはプロンプトのファイル</translation>
    </message>
    <message>
        <source>The Playground conversation</source>
        <translation>プレイグラウンドの会話</translation>
    </message>
    <message>
        <source>A list I paste</source>
        <translation>貼り付けるリスト</translation>
    </message>
    <message>
        <source>Each example of the dataset open in Datasets, up to its last answer (that answer is replaced).</source>
        <translation>「データセット」で開いているデータセットの各例の、最後の回答の手前まで (その回答は置き換えられます)。</translation>
    </message>
    <message>
        <source>A .jsonl dataset, a saved Playground comparison, or a text file of prompts</source>
        <translation>.jsonl データセット、保存したプレイグラウンドの比較、またはプロンプトのテキストファイル</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Every message you sent in Side by Side, with the conversation before it.</source>
        <translation>「並べて比較」で送信したすべてのメッセージと、それまでの会話。</translation>
    </message>
    <message>
        <source>One prompt per line.

Or prompts of several lines, separated by an empty line.</source>
        <translation>1行に1つのプロンプト。

または、空行で区切った複数行のプロンプト。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>0 keeps the model&apos;s most likely answer: the same prompt gives the same answer.</source>
        <translation>0 ではモデルの最も確からしい回答を使います。同じプロンプトには同じ回答が返ります。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Services that support it repeat an answer for the same seed.</source>
        <translation>対応しているサービスでは、同じシードに対して同じ回答が返ります。</translation>
    </message>
    <message>
        <source>How many prompts are asked at the same time. When the service says too many, the capture waits and goes on.</source>
        <translation>同時に送るプロンプトの数。サービスから多すぎると通知された場合は、待機してから続行します。</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>温度:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>シード:</translation>
    </message>
    <message>
        <source>Requests at once:</source>
        <translation>同時リクエスト数:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>モデル:</translation>
    </message>
    <message>
        <source>Prompts from:</source>
        <translation>プロンプトの取得元:</translation>
    </message>
    <message>
        <source>Answers go to:</source>
        <translation>回答の保存先:</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>設定:</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Open in the Editor</source>
        <translation>エディターで開く</translation>
    </message>
    <message>
        <source>The service asked to slow down. Continuing in %1 s…</source>
        <translation>サービスから速度を落とすよう求められました。%1 秒後に続行します…</translation>
    </message>
    <message>
        <source>Open a dataset in Datasets first.</source>
        <translation>先に「データセット」でデータセットを開いてください。</translation>
    </message>
    <message>
        <source>Choose the file with the prompts.</source>
        <translation>プロンプトのファイルを選んでください。</translation>
    </message>
    <message>
        <source>There is no Playground conversation.</source>
        <translation>プレイグラウンドの会話がありません。</translation>
    </message>
    <message>
        <source>Send a message in Side by Side first: its messages are the prompts.</source>
        <translation>先に「並べて比較」でメッセージを送信してください。そのメッセージがプロンプトになります。</translation>
    </message>
    <message>
        <source>1 example without a message from the user is left out.</source>
        <translation>ユーザーからのメッセージがない例1件は除外されます。</translation>
    </message>
    <message>
        <source>%1 examples without a message from the user are left out.</source>
        <translation>ユーザーからのメッセージがない例 %1 件は除外されます。</translation>
    </message>
    <message>
        <source>Choose the model whose answers to keep.</source>
        <translation>回答を保存するモデルを選んでください。</translation>
    </message>
    <message>
        <source>Choose the file the answers go to.</source>
        <translation>回答の保存先のファイルを選んでください。</translation>
    </message>
    <message>
        <source>The answers cannot go into the file the prompts come from. Choose another file for them.</source>
        <translation>プロンプトの読み込み元のファイルに回答を保存することはできません。回答用に別のファイルを選んでください。</translation>
    </message>
    <message>
        <source>Nothing was sent: this model must be deployed first.</source>
        <translation>何も送信していません: このモデルは先にデプロイする必要があります。</translation>
    </message>
    <message>
        <source>Continuing: %1 of %2 answers were already in the file.</source>
        <translation>再開: %2 件中 %1 件の回答がすでにファイルにあります。</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>%1 に質問しています…</translation>
    </message>
    <message>
        <source>The last answer in the file was cut off when the capture stopped; it is asked again.</source>
        <translation>収集が停止したときに、ファイル内の最後の回答が途中で切れていました。この回答はもう一度問い合わせます。</translation>
    </message>
    <message>
        <source>%1 of %2 answers captured, %3 failed.</source>
        <translation>%2件中%1件の回答を収集しました。%3件は失敗しました。</translation>
    </message>
    <message>
        <source>%1 of %2 answers captured.</source>
        <translation>%2件中%1件の回答を収集しました。</translation>
    </message>
    <message>
        <source>Stopped. The %1 answers so far are kept in %2; Start continues with the rest.</source>
        <translation>停止しました。ここまでの%1件の回答は %2 に保存されています。「開始」を押すと残りを続行します。</translation>
    </message>
    <message>
        <source>%1 of %2 answers are in %3. %4 could not be obtained: %5 Start again to ask for the missing ones.</source>
        <translation>%2件中%1件の回答が %3 にあります。%4件は取得できませんでした: %5 もう一度開始すると、取得できなかった回答を問い合わせます。</translation>
    </message>
    <message>
        <source>All %1 answers are in %2.</source>
        <translation>%1件の回答がすべて %2 にあります。</translation>
    </message>
    <message>
        <source>Stop capturing?</source>
        <translation>収集を中止しますか?</translation>
    </message>
    <message>
        <source>The answers so far are kept. Start the capture again with the same file to continue.</source>
        <translation>ここまでの回答は保存されます。続けるには、同じファイルで収集をもう一度開始してください。</translation>
    </message>
    <message>
        <source>Choose Prompts</source>
        <translation>プロンプトの選択</translation>
    </message>
    <message>
        <source>Datasets and prompt lists (*.jsonl *.json *.txt);;All files (*)</source>
        <translation>データセットとプロンプトの一覧 (*.jsonl *.json *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Save the Answers As</source>
        <translation>名前を付けて回答を保存</translation>
    </message>
    <message>
        <source>Chat datasets (*.jsonl)</source>
        <translation>チャットのデータセット (*.jsonl)</translation>
    </message>
    <message numerus="yes">
        <source>%n prompt(s) will be sent.</source>
        <translation>
            <numerusform>%n件のプロンプトを送信します。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::ui::CaptureWizardPage</name>
    <message>
        <source>Capture</source>
        <translation>回答の収集</translation>
    </message>
    <message>
        <source>A fine-tune stops working when its base model retires. To keep what it learned, the app trains a new model elsewhere on the old one&apos;s own answers. Those answers are a chat file whose last answers are %1&apos;s: a capture.</source>
        <translation>ファインチューニングしたモデルは、ベースモデルの提供が終了すると使えなくなります。学習した内容を残すため、このアプリは元のモデル自身の回答を使って、別の場所で新しいモデルを学習させます。この回答は、各例の最後の回答が %1 のものになっているチャットファイル (収集データ) です。</translation>
    </message>
    <message>
        <source>Prompts to ask it: a dataset or validation file (.jsonl)</source>
        <translation>質問するプロンプト: データセットまたは検証ファイル (.jsonl)</translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation>ファイルを選択…</translation>
    </message>
    <message>
        <source>Other Sources…</source>
        <translation>その他の入力元…</translation>
    </message>
    <message>
        <source>Prompts from the Playground or a pasted list</source>
        <translation>プレイグラウンドのプロンプト、または貼り付けた一覧</translation>
    </message>
    <message>
        <source>Capture now:</source>
        <translation>今すぐ収集:</translation>
    </message>
    <message>
        <source>Captured answers:</source>
        <translation>収集した回答:</translation>
    </message>
    <message>
        <source>Capturing asks %1 each prompt (temperature 0) and writes the answers beside the prompts file as they arrive: if it stops, capturing again goes on where it stopped. A part of the answers is held back to check the new model against. The more prompts, the better: at least %2.</source>
        <translation>収集では、各プロンプトを %1 に質問し (温度 0)、届いた回答から順にプロンプトのファイルと同じ場所に書き込みます。途中で止まっても、もう一度収集すれば止まったところから続行します。回答の一部は、新しいモデルの確認用に取り分けておきます。プロンプトは多いほどよく、少なくとも%2件必要です。</translation>
    </message>
    <message>
        <source>Captured Answers</source>
        <translation>収集した回答</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>%1 of %2 answered, %3 failed.</source>
        <translation>%2件中%1件が回答済み、%3件が失敗しました。</translation>
    </message>
    <message>
        <source>%1 of %2 answered.</source>
        <translation>%2件中%1件が回答済みです。</translation>
    </message>
    <message>
        <source>Chat examples (*.jsonl);;All files (*)</source>
        <translation>チャットの例 (*.jsonl);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Stopped with %1 of %2 answered; capture again to go on.</source>
        <translation>%2件中%1件が回答済みの状態で停止しました。続けるには、もう一度収集してください。</translation>
    </message>
    <message>
        <source>All %1 answers captured.</source>
        <translation>%1件の回答をすべて収集しました。</translation>
    </message>
    <message>
        <source>Filled in by capturing, or choose a capture made before (.jsonl)</source>
        <translation>回答の収集で自動的に入力されます。以前に収集したファイル (.jsonl) を選ぶこともできます</translation>
    </message>
</context>
<context>
    <name>fs::ui::ConnectionPage</name>
    <message>
        <source>Kind:</source>
        <translation>種類:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>アドレス:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状態:</translation>
    </message>
    <message>
        <source>&amp;Test Again</source>
        <translation>再テスト(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Manage Connections…</source>
        <translation>接続の管理(&amp;M)…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日</translation>
    </message>
    <message>
        <source>Models this connection offers</source>
        <translation>この接続で使えるモデル</translation>
    </message>
    <message>
        <source>You are using the built-in sandbox. It runs on this computer, costs nothing and only pretends to train. Switch to one of your connections with “Manage Connections…” or the Connection menu.</source>
        <translation>内蔵のサンドボックスを使っています。サンドボックスはこのコンピューター上で動作し、費用はかからず、学習も模擬的に行うだけです。ご自分の接続に切り替えるには、「接続の管理…」または「接続」メニューを使ってください。</translation>
    </message>
    <message>
        <source>(not running)</source>
        <translation>(停止中)</translation>
    </message>
    <message>
        <source>%1 (on this computer)</source>
        <translation>%1 (このコンピューター上)</translation>
    </message>
    <message>
        <source>Asking the server which models it offers…</source>
        <translation>サーバーに提供モデルを問い合わせています…</translation>
    </message>
    <message>
        <source>The list of models will appear here once the connection works.</source>
        <translation>接続が使えるようになると、ここにモデルの一覧が表示されます。</translation>
    </message>
    <message>
        <source>The server does not list any models.</source>
        <translation>サーバーはモデルを1つも公開していません。</translation>
    </message>
    <message>
        <source>None of these models is fine-tuned yet.</source>
        <translation>ファインチューニング済みのモデルはまだありません。</translation>
    </message>
    <message>
        <source>Your fine-tuned models are listed first and shown in bold (%1 of %2).</source>
        <translation>ファインチューニング済みのモデルは先頭に太字で表示されます (%2個中%1個)。</translation>
    </message>
    <message>
        <source>Fine-tuned</source>
        <translation>ファインチューニング済み</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>ベースモデル</translation>
    </message>
    <message>
        <source>A model fine-tuned by you or your organization.</source>
        <translation>あなたまたはあなたの組織がファインチューニングしたモデルです。</translation>
    </message>
    <message>
        <source>No connection has been set up yet, so you are using the built-in sandbox. It runs on this computer, costs nothing and only pretends to train, so you can try everything safely. To fine-tune real models, add your OpenAI or Together AI account with “Manage Connections…”.</source>
        <translation>まだ接続が設定されていないため、内蔵のサンドボックスを使っています。サンドボックスはこのコンピューター上で動作し、費用はかからず、学習も模擬的に行うだけなので、安心してすべての機能を試せます。本物のモデルをファインチューニングするには、「接続の管理…」でOpenAIまたはTogether AIのアカウントを追加してください。</translation>
    </message>
</context>
<context>
    <name>fs::ui::ConnectionStatusWidget</name>
    <message>
        <source>%1: %2</source>
        <extracomment>Status bar: connection name, then its state, e.g. &quot;My OpenAI: Connected&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Click to manage connections.</source>
        <translation>クリックすると接続を管理できます。</translation>
    </message>
    <message>
        <source>%1 (practice, simulated): %2</source>
        <extracomment>Status bar for the built-in sandbox: its name, then its state, e.g. &quot;Sandbox (practice, simulated): Connected&quot;</extracomment>
        <translation>%1 (練習用・シミュレーション): %2</translation>
    </message>
    <message>
        <source>The built-in practice service runs on this computer, costs nothing and only pretends to train.</source>
        <translation>内蔵の練習用サービスはこのコンピューター上で動作し、費用はかからず、学習も模擬的に行うだけです。</translation>
    </message>
</context>
<context>
    <name>fs::ui::ConnectionsDialog</name>
    <message>
        <source>Connections</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>The sandbox is built into this app. It runs on this computer, needs no key, costs nothing and only pretends to train. It cannot be changed or removed.</source>
        <translation>サンドボックスはこのアプリに内蔵されています。このコンピューター上で動作し、キーは不要で、費用もかからず、学習は模擬的に行うだけです。変更や削除はできません。</translation>
    </message>
    <message>
        <source>For example: My OpenAI account</source>
        <translation>例: 自分のOpenAIアカウント</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>APIキー(&amp;K):</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>&amp;Organization ID:</source>
        <translation>組織ID(&amp;O):</translation>
    </message>
    <message>
        <source>Optional, e.g. org-…</source>
        <translation>任意 (例: org-…)</translation>
    </message>
    <message>
        <source>&amp;Project ID:</source>
        <translation>プロジェクトID(&amp;P):</translation>
    </message>
    <message>
        <source>Optional, e.g. proj_…</source>
        <translation>任意 (例: proj_…)</translation>
    </message>
    <message>
        <source>Warning: this address starts with http:// instead of https://, so your API key and your data would travel over the network unencrypted. Use it only on a network you fully trust.</source>
        <translation>警告: このアドレスは https:// ではなく http:// で始まっているため、APIキーとデータが暗号化されずにネットワーク上を流れます。完全に信頼できるネットワークでのみ使ってください。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Ask the server for its list of models, to check the address and the key.</source>
        <translation>サーバーにモデルの一覧を問い合わせて、アドレスとキーを確認します。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Use This Connection</source>
        <translation>この接続を使う(&amp;U)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(名前なし)</translation>
    </message>
    <message>
        <source>%1 (in use)</source>
        <extracomment>Marks the connection that is currently active in the list</extracomment>
        <translation>%1 (使用中)</translation>
    </message>
    <message>
        <source>API &amp;address:</source>
        <translation>APIアドレス(&amp;A):</translation>
    </message>
    <message>
        <source>Usually %1. You can create an API key on the OpenAI website under “API keys”.</source>
        <translation>通常は %1 です。APIキーは、OpenAIのWebサイトの「API keys」で作成できます。</translation>
    </message>
    <message>
        <source>Resource &amp;endpoint:</source>
        <translation>リソースのエンドポイント(&amp;E):</translation>
    </message>
    <message>
        <source>https://YOUR-RESOURCE.openai.azure.com</source>
        <comment>placeholder address</comment>
        <translation>https://YOUR-RESOURCE.openai.azure.com</translation>
    </message>
    <message>
        <source>Shown with the keys on your Azure OpenAI resource’s “Keys and Endpoint” page. The app adds /openai/v1 itself.</source>
        <translation>Azure OpenAI リソースの「キーとエンドポイント」ページに、キーと一緒に表示されています。/openai/v1 はアプリが自動で付け加えます。</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>サーバーのアドレス(&amp;A):</translation>
    </message>
    <message>
        <source>http://localhost:8000/v1</source>
        <comment>placeholder address</comment>
        <translation>http://localhost:8000/v1</translation>
    </message>
    <message>
        <source>The address of the server’s OpenAI-compatible API, usually ending in /v1. A key is only needed if the server asks for one.</source>
        <translation>サーバーのOpenAI互換APIのアドレスで、通常は /v1 で終わります。キーは、サーバーが求める場合にだけ必要です。</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>アドレス(&amp;A):</translation>
    </message>
    <message>
        <source>(not running)</source>
        <translation>(停止中)</translation>
    </message>
    <message>
        <source>Saved in the keychain. Type a new key to replace it.</source>
        <translation>キーチェーンに保存済みです。置き換えるには新しいキーを入力してください。</translation>
    </message>
    <message>
        <source>Only if the server needs one</source>
        <translation>サーバーが必要とする場合のみ</translation>
    </message>
    <message>
        <source>Paste your API key here</source>
        <translation>ここにAPIキーを貼り付けてください</translation>
    </message>
    <message>
        <source>Please give the connection a name.</source>
        <translation>接続に名前を付けてください。</translation>
    </message>
    <message>
        <source>Please enter the address of the server.</source>
        <translation>サーバーのアドレスを入力してください。</translation>
    </message>
    <message>
        <source>The address should start with https:// (or http://), for example %1.</source>
        <translation>アドレスは https:// (または http://) で始めてください。例: %1</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation>「%1」への変更を保存しますか?</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>新しい接続</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>接続の削除</translation>
    </message>
    <message>
        <source>Remove the connection “%1”?</source>
        <translation>接続「%1」を削除しますか?</translation>
    </message>
    <message>
        <source>Its saved API key is deleted from the keychain as well.</source>
        <translation>保存されているAPIキーも、キーチェーンから削除されます。</translation>
    </message>
    <message>
        <source>Key Not Deleted</source>
        <translation>キーを削除できませんでした</translation>
    </message>
    <message>
        <source>The connection “%1” was removed, but its API key could not be deleted from the keychain.</source>
        <translation>接続「%1」は削除しましたが、そのAPIキーをキーチェーンから削除できませんでした。</translation>
    </message>
    <message>
        <source>The API key could not be saved.</source>
        <translation>APIキーを保存できませんでした。</translation>
    </message>
    <message>
        <source>Key Kept for This Session Only</source>
        <translation>キーはこのセッションの間だけ使われます</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>テスト中…</translation>
    </message>
    <message>
        <source>Usually %1. Your API key is on the Together AI website: sign in, open Settings and then “API Keys”, and copy the key.</source>
        <translation>通常は %1 です。APIキーは Together AI のWebサイトにあります。サインインして「Settings」から「API Keys」を開き、キーをコピーしてください。</translation>
    </message>
    <message>
        <source>It also speaks Together AI’s API at %1: to practise with Together AI, add a connection of the kind Together AI with that address.</source>
        <translation>このサンドボックスは %1 で Together AI の API にも対応しています。Together AI で練習するには、種類「Together AI」の接続をこのアドレスで追加してください。</translation>
    </message>
    <message>
        <source>To practise without an account, use the built-in sandbox: %1 (no key needed).</source>
        <translation>アカウントなしで練習するには、内蔵のサンドボックスを使ってください: %1 (キーは不要です)。</translation>
    </message>
    <message>
        <source>Kept from one start of the app to the next while that port is free.</source>
        <translation>そのポートが空いている限り、アプリを起動し直しても同じポートを使います。</translation>
    </message>
    <message>
        <source>Add a connection to OpenAI, Azure OpenAI, Together AI, Fireworks AI or another server.</source>
        <translation>OpenAI、Azure OpenAI、Together AI、Fireworks AI、またはその他のサーバーへの接続を追加します。</translation>
    </message>
    <message>
        <source>A&amp;ccount ID:</source>
        <translation>アカウントID(&amp;C):</translation>
    </message>
    <message>
        <source>Shown on your Fireworks AI account page</source>
        <translation>Fireworks AI のアカウントページに表示されています</translation>
    </message>
    <message>
        <source>To deploy a fine-tuned model (so that you can chat with it), the app also needs where the resource lives. In the Azure portal, open the resource: its Overview page shows the subscription ID and the resource group; the resource name is the NAME in https://NAME.openai.azure.com. You sign in with Microsoft when you first deploy.</source>
        <translation>ファインチューニング済みモデルをデプロイして (チャットできるようにする) には、リソースの場所も必要です。Azure portal でリソースを開くと、「概要」ページにサブスクリプションIDとリソースグループが表示されます。リソース名は https://NAME.openai.azure.com の NAME の部分です。初めてデプロイするときに、Microsoft でサインインします。</translation>
    </message>
    <message>
        <source>e.g. 1234abcd-12ab-34cd-56ef-1234567890ab</source>
        <translation>例: 1234abcd-12ab-34cd-56ef-1234567890ab</translation>
    </message>
    <message>
        <source>e.g. my-resource-group</source>
        <translation>例: my-resource-group</translation>
    </message>
    <message>
        <source>e.g. my-openai-resource</source>
        <translation>例: my-openai-resource</translation>
    </message>
    <message>
        <source>Optional: any work or school account</source>
        <translation>任意: 空欄なら職場・学校のどのアカウントでも可</translation>
    </message>
    <message>
        <source>&amp;Subscription ID:</source>
        <translation>サブスクリプションID(&amp;S):</translation>
    </message>
    <message>
        <source>Resource &amp;group:</source>
        <translation>リソースグループ(&amp;G):</translation>
    </message>
    <message>
        <source>&amp;Resource name:</source>
        <translation>リソース名(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Tenant (directory):</source>
        <translation>テナント (ディレクトリ)(&amp;T):</translation>
    </message>
    <message>
        <source>Usually %1. On the Fireworks AI website, your API key is under “API Keys” and your account ID on your account page.</source>
        <translation>通常は %1 です。Fireworks AI のWebサイトでは、APIキーは「API Keys」に、アカウントIDはアカウントページにあります。</translation>
    </message>
    <message>
        <source>To practise without an account, use the built-in sandbox: %1 with any account ID (no key needed).</source>
        <translation>アカウントなしで練習するには、内蔵のサンドボックスを使います。%1 を指定し、アカウントIDは何でもかまいません (キーは不要です)。</translation>
    </message>
    <message>
        <source>Please enter your Fireworks AI account ID. It is shown on your account page on the Fireworks AI website.</source>
        <translation>Fireworks AI のアカウントIDを入力してください。Fireworks AI のWebサイトのアカウントページに表示されています。</translation>
    </message>
</context>
<context>
    <name>fs::ui::ConversationEditor</name>
    <message>
        <source>Choose an example in the list to see and edit its messages.</source>
        <translation>一覧から例を選ぶと、そのメッセージを表示・編集できます。</translation>
    </message>
    <message>
        <source>Add a Message</source>
        <translation>メッセージを追加</translation>
    </message>
    <message>
        <source>Add a message at the end (Ctrl+Shift+Return)</source>
        <translation>末尾にメッセージを追加します (Ctrl+Shift+Return)</translation>
    </message>
    <message>
        <source>Example %1 · the prompt</source>
        <translation>例 %1 · プロンプト</translation>
    </message>
    <message>
        <source>Example %1</source>
        <translation>例 %1</translation>
    </message>
    <message>
        <source>This line of the file could not be read as an example. The list of problems says what is wrong with it.</source>
        <translation>ファイルのこの行は例として読み取れませんでした。問題の一覧で原因を確認できます。</translation>
    </message>
    <message>
        <source>Preferred answer</source>
        <translation>望ましい回答</translation>
    </message>
    <message>
        <source>The answer the model should learn to give</source>
        <translation>モデルに学習させたい回答</translation>
    </message>
    <message>
        <source>Answer to avoid</source>
        <translation>避けたい回答</translation>
    </message>
    <message>
        <source>A worse answer the model should learn not to give</source>
        <translation>モデルに返させたくない、よくない回答</translation>
    </message>
    <message>
        <source>Add a Message to the Prompt</source>
        <translation>プロンプトにメッセージを追加</translation>
    </message>
</context>
<context>
    <name>fs::ui::DatasetArea</name>
    <message>
        <source>Training files (*.jsonl *.json *.txt);;All files (*)</source>
        <translation>学習ファイル (*.jsonl *.json *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>開いています…</translation>
    </message>
    <message>
        <source>Checking the examples and counting tokens…</source>
        <translation>例を検査し、トークンを数えています…</translation>
    </message>
    <message>
        <source>Search the examples</source>
        <translation>例を検索</translation>
    </message>
    <message>
        <source>Only examples with a message of this role</source>
        <translation>このロールのメッセージを含む例だけを表示</translation>
    </message>
    <message>
        <source>Any messages</source>
        <translation>すべてのメッセージ</translation>
    </message>
    <message>
        <source>With a system message</source>
        <translation>システムメッセージあり</translation>
    </message>
    <message>
        <source>With a developer message</source>
        <translation>開発者メッセージあり</translation>
    </message>
    <message>
        <source>With a tool result</source>
        <translation>ツールの結果あり</translation>
    </message>
    <message>
        <source>Only with errors</source>
        <translation>エラーのみ</translation>
    </message>
    <message>
        <source>Only too long</source>
        <translation>長すぎる例のみ</translation>
    </message>
    <message>
        <source>Examples longer than the chosen model can learn from</source>
        <translation>選択したモデルが学習できる長さを超える例</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>例</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Tokens and Cost</source>
        <translation>トークンと費用</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>&amp;New Dataset</source>
        <translation>新しいデータセット(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open Dataset…</source>
        <translation>データセットを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import from a Spreadsheet…</source>
        <translation>スプレッドシートから取り込む(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export Training and Validation Files…</source>
        <translation>学習用・検証用ファイルを書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the Selected &amp;Examples…</source>
        <translation>選択した例を書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Close Dataset</source>
        <translation>データセットを閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>Add an E&amp;xample</source>
        <translation>例を追加(&amp;X)</translation>
    </message>
    <message>
        <source>D&amp;uplicate the Example</source>
        <translation>例を複製(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete the Selected Examples</source>
        <translation>選択した例を削除(&amp;D)</translation>
    </message>
    <message>
        <source>Move the Example U&amp;p</source>
        <translation>例を上に移動(&amp;P)</translation>
    </message>
    <message>
        <source>Move the Example Dow&amp;n</source>
        <translation>例を下に移動(&amp;N)</translation>
    </message>
    <message>
        <source>Set the &amp;System Message…</source>
        <translation>システムメッセージを設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Find and Replace…</source>
        <translation>検索と置換(&amp;F)…</translation>
    </message>
    <message>
        <source>Searc&amp;h the Examples</source>
        <translation>例を検索(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>%1 (sample)</source>
        <translation>%1 (サンプル)</translation>
    </message>
    <message>
        <source>Examples: %1</source>
        <translation>例の数: %1</translation>
    </message>
    <message>
        <source>Showing %1 of %2 examples</source>
        <translation>%2件中%1件の例を表示中</translation>
    </message>
    <message>
        <source>Open Dataset</source>
        <translation>データセットを開く</translation>
    </message>
    <message>
        <source>Import Examples</source>
        <translation>例の取り込み</translation>
    </message>
    <message>
        <source>Spreadsheets and data files (*.csv *.tsv *.tab *.json *.jsonl);;All files (*)</source>
        <translation>スプレッドシートとデータファイル (*.csv *.tsv *.tab *.json *.jsonl);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Export the Selected Examples</source>
        <translation>選択した例の書き出し</translation>
    </message>
    <message>
        <source>Save Dataset</source>
        <translation>データセットの保存</translation>
    </message>
    <message>
        <source>The file “%1” could not be found.</source>
        <translation>ファイル「%1」が見つかりませんでした。</translation>
    </message>
    <message>
        <source>It may have been moved or deleted.</source>
        <translation>移動または削除された可能性があります。</translation>
    </message>
    <message>
        <source>Your examples are still here; try saving them somewhere else.</source>
        <translation>例はまだ失われていません。別の場所に保存してみてください。</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>Do you want to save the changes to “%1”?</source>
        <translation>「%1」への変更を保存しますか?</translation>
    </message>
    <message>
        <source>If you don&apos;t save, your changes will be lost.</source>
        <translation>保存しない場合、変更は失われます。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>修正</translation>
    </message>
    <message>
        <source>This problem has already been fixed or has changed since.</source>
        <translation>この問題はすでに修正されたか、その後内容が変わっています。</translation>
    </message>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>未保存の作業の復元</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>検索しています…</translation>
    </message>
    <message>
        <source>The dataset is still opening. Save it once it is fully open.</source>
        <translation>データセットをまだ開いています。完全に開いてから保存してください。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>Change Many Examples</source>
        <translation>複数の例の変更</translation>
    </message>
    <message>
        <source>Another change to many examples is still running. Try again when it is done.</source>
        <translation>複数の例に対する別の変更がまだ実行中です。完了してからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Setting the system message…</source>
        <translation>システムメッセージを設定しています…</translation>
    </message>
    <message>
        <source>Replacing…</source>
        <translation>置換しています…</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Add an example after the current one (%1)</source>
        <translation>現在の例の後に例を追加します (%1)</translation>
    </message>
    <message>
        <source>Copy the current example (%1)</source>
        <translation>現在の例を複製します (%1)</translation>
    </message>
    <message>
        <source>Delete the selected examples (%1)</source>
        <translation>選択した例を削除します (%1)</translation>
    </message>
    <message>
        <source>Move the example up (%1)</source>
        <translation>例を上に移動します (%1)</translation>
    </message>
    <message>
        <source>Move the example down (%1)</source>
        <translation>例を下に移動します (%1)</translation>
    </message>
    <message>
        <source>These files could not be found: %1.</source>
        <translation>次のファイルが見つかりませんでした: %1。</translation>
    </message>
    <message>
        <source>They may have been moved or deleted.</source>
        <translation>移動または削除された可能性があります。</translation>
    </message>
    <message>
        <source>Finetune Studio edits one dataset at a time. It opened “%1”.</source>
        <translation>Finetune Studio で一度に編集できるデータセットは1つだけです。「%1」を開きました。</translation>
    </message>
    <message>
        <source>The other files are waiting under File ▸ Open Recent: %1.</source>
        <translation>ほかのファイルは「ファイル ▸ 最近使ったファイル」から開けます: %1。</translation>
    </message>
</context>
<context>
    <name>fs::ui::DeployDialog</name>
    <message>
        <source>Deploy to Try It</source>
        <translation>デプロイして試す</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;On %2 a fine-tuned model answers only while it runs on hardware of its own. It is billed by the minute while it runs — also while nobody chats with it — until it is stopped.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%2 では、ファインチューニングしたモデルは専用のハードウェア上で実行している間だけ回答します。実行中は、誰もチャットしていないときも含めて、停止するまで1分単位で課金されます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;It stops by itself after %1 without a chat (you are warned first). The status bar shows it and its cost while it runs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;チャットがないまま%1経つと自動で停止します (事前にお知らせします)。実行中は、ステータスバーにデプロイとその費用が表示されます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;It does not stop by itself (the idle stop is off in the Deployments list). The status bar shows it and its cost while it runs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;自動では停止しません (「デプロイ一覧」で、使われていないときの自動停止がオフになっています)。実行中は、ステータスバーにデプロイとその費用が表示されます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Hardware to run it on:</source>
        <translation>実行するハードウェア:</translation>
    </message>
    <message>
        <source>Reading the hardware and prices from %1…</source>
        <translation>%1 からハードウェアと料金を読み込んでいます…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>The hardware list could not be read: %1</source>
        <translation>ハードウェアの一覧を読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>%1 did not start it: %2</source>
        <translation>%1 でデプロイを開始できませんでした: %2</translation>
    </message>
    <message>
        <source>$%1 per hour</source>
        <translation>1時間あたり $%1</translation>
    </message>
    <message>
        <source>price not stated</source>
        <translation>料金の提示なし</translation>
    </message>
    <message>
        <source>not available now</source>
        <translation>現在利用できません</translation>
    </message>
    <message>
        <source>The service offers no hardware for this model.</source>
        <translation>このモデルを実行できるハードウェアを、サービスが提供していません。</translation>
    </message>
    <message>
        <source>Choose the hardware, then Start. You can stop it at any time from the Deployments list or the status bar.</source>
        <translation>ハードウェアを選んで「開始」を押してください。「デプロイ一覧」またはステータスバーから、いつでも停止できます。</translation>
    </message>
    <message>
        <source>Asking for the hardware…</source>
        <translation>ハードウェアを要求しています…</translation>
    </message>
    <message>
        <source>%1 — waited %2 so far. Starting takes a few minutes; you may close this window, it keeps starting.</source>
        <translation>%1 — 待ち時間 %2。起動には数分かかります。このウィンドウを閉じても起動は続きます。</translation>
    </message>
    <message>
        <source>Running, ready after %1. The Playground uses it now.</source>
        <translation>実行中です (準備に%1かかりました)。プレイグラウンドで使われています。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;On %2 a fine-tuned model answers only through a deployment. &lt;b&gt;Developer&lt;/b&gt; has no hosting fee (you pay for the tokens only) and Azure removes it after 24 hours. &lt;b&gt;Standard&lt;/b&gt; costs an hourly hosting fee for as long as it exists — also while nobody chats with it — until it is deleted.&lt;/p&gt;&lt;p&gt;The status bar shows it while it exists; the app offers to delete it when you quit.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%2 では、ファインチューニング済みモデルはデプロイを通じてのみ回答します。&lt;b&gt;Developer&lt;/b&gt; はホスティング料金がかからず (トークン分のみの支払い)、24時間後に Azure によって削除されます。&lt;b&gt;Standard&lt;/b&gt; は、削除されるまでの間ずっと (だれもチャットしていない間も) 1時間ごとのホスティング料金がかかります。&lt;/p&gt;&lt;p&gt;デプロイが存在する間はステータスバーに表示され、アプリの終了時には削除するかどうかを確認します。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Deployment type:</source>
        <translation>デプロイの種類:</translation>
    </message>
    <message>
        <source>Choose the deployment type, then Start. You can delete it at any time from the Deployments list or the status bar.</source>
        <translation>デプロイの種類を選んで「開始」を押してください。デプロイは、デプロイ一覧またはステータスバーからいつでも削除できます。</translation>
    </message>
    <message>
        <source>about $%1 per hour (estimate)</source>
        <translation>1時間あたり約$%1 (概算)</translation>
    </message>
    <message>
        <source>Prices marked “estimate” are the app&apos;s own figures: %1 does not tell them to the app, and they can differ by model, region and date. Check the real price on %2 before you start.</source>
        <translation>「概算」と書かれた価格はアプリ独自の数字です。%1 はアプリに価格を知らせず、モデル・リージョン・時期によって異なる場合があります。開始する前に %2 で実際の価格を確認してください。</translation>
    </message>
</context>
<context>
    <name>fs::ui::DeployOfferBar</name>
    <message>
        <source>Deploy to Try It…</source>
        <translation>デプロイして試す…</translation>
    </message>
    <message>
        <source>Show Progress…</source>
        <translation>進行状況を表示…</translation>
    </message>
</context>
<context>
    <name>fs::ui::DeployWizardPage</name>
    <message>
        <source>Deploy…</source>
        <translation>デプロイ…</translation>
    </message>
    <message>
        <source>On %1 a fine-tuned model answers only while it runs on hardware of its own, billed per minute. Deploy %2 for the check; the app stops it when it is idle, and View → Deployments… lists it.</source>
        <translation>%1 では、ファインチューニング済みモデルは専用のハードウェアで実行している間だけ回答し、分単位で課金されます。確認のために %2 をデプロイしてください。使われていないときはアプリが停止します。デプロイは「表示」→「デプロイ一覧…」で確認できます。</translation>
    </message>
    <message>
        <source>The connection is not ready yet; try again in a moment.</source>
        <translation>接続の準備がまだできていません。少し待ってから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>%1 runs and answers.</source>
        <translation>%1 が実行中で、回答できます。</translation>
    </message>
</context>
<context>
    <name>fs::ui::DeploymentStatusWidget</name>
    <message>
        <source>Deployed models bill while they run: click to see them and stop them</source>
        <translation>デプロイしたモデルは実行中に課金されます。クリックすると一覧を表示して停止できます</translation>
    </message>
</context>
<context>
    <name>fs::ui::DeploymentsDialog</name>
    <message>
        <source>Deployments</source>
        <translation>デプロイ一覧</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the selected deployment: billing ends once it stopped</source>
        <translation>選択したデプロイを停止します。停止すると課金が終わります</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Ask the services again what runs</source>
        <translation>実行中のものをサービスにもう一度問い合わせます</translation>
    </message>
    <message>
        <source> min</source>
        <translation>分</translation>
    </message>
    <message>
        <source>never</source>
        <translation>しない</translation>
    </message>
    <message>
        <source>Stop a deployment after this long without a chat:</source>
        <translation>チャットがないまま次の時間が経ったらデプロイを停止:</translation>
    </message>
    <message>
        <source>Nothing is deployed.</source>
        <translation>デプロイしているものはありません。</translation>
    </message>
    <message>
        <source>Nothing is running: nothing is billed.</source>
        <translation>実行中のものはありません。課金もされていません。</translation>
    </message>
    <message>
        <source>Fine-tuned models deployed so that they answer. Each bills at its price per hour for as long as it runs (some services by the minute), also while nobody chats with it. Stop what you do not use.</source>
        <translation>応答できるようにデプロイされたファインチューニング済みモデルです。それぞれ稼働している間は、誰もチャットしていなくても1時間ごとの料金で課金されます (サービスによっては分単位)。使わないものは停止してください。</translation>
    </message>
</context>
<context>
    <name>fs::ui::DeploymentsUi</name>
    <message>
        <source>&amp;Deployments…</source>
        <translation>デプロイ一覧(&amp;D)…</translation>
    </message>
    <message>
        <source>Deployed models, what they cost so far, and Stop</source>
        <translation>デプロイしたモデルとこれまでの費用を表示し、停止できます</translation>
    </message>
    <message>
        <source>Deployment Not in Use</source>
        <translation>使われていないデプロイ</translation>
    </message>
    <message>
        <source>%1 has not been used for a while and stops by itself in %2 — it bills while it runs.</source>
        <translation>%1 はしばらく使われていないため、%2後に自動で停止します。実行中は課金されます。</translation>
    </message>
    <message>
        <source>Keep It Running</source>
        <translation>実行を続ける</translation>
    </message>
    <message>
        <source>Stop Now</source>
        <translation>今すぐ停止</translation>
    </message>
    <message>
        <source>%1 stops in %2 unless it is used.</source>
        <translation>%1 は、使われなければ%2後に停止します。</translation>
    </message>
    <message>
        <source>%1 was stopped: it was not used for %2.</source>
        <translation>%1 を停止しました。%2の間使われていませんでした。</translation>
    </message>
    <message>
        <source>Quit While a Deployment Runs?</source>
        <translation>デプロイの実行中に終了しますか?</translation>
    </message>
    <message>
        <source>Leave a Deployment Running?</source>
        <translation>デプロイを実行したままにしますか?</translation>
    </message>
    <message>
        <source>A deployed model is still running and billing:</source>
        <translation>デプロイしたモデルがまだ実行中で、課金されています:</translation>
    </message>
    <message>
        <source>%1 deployed models are still running and billing:</source>
        <translation>デプロイした %1個のモデルがまだ実行中で、課金されています:</translation>
    </message>
    <message>
        <source>Stop it now? If you keep it running, it is billed until it is stopped; it stops by itself after %1 without a chat.</source>
        <translation>今すぐ停止しますか? 実行したままにすると、停止するまで課金されます。チャットがないまま%1経つと自動で停止します。</translation>
    </message>
    <message>
        <source>Stop it now? If you keep it running, it is billed until you stop it.</source>
        <translation>今すぐ停止しますか? 実行したままにすると、停止するまで課金されます。</translation>
    </message>
    <message>
        <source>Stop It</source>
        <translation>停止する</translation>
    </message>
    <message>
        <source>Stopping the deployments, then quitting…</source>
        <translation>デプロイを停止してから終了します…</translation>
    </message>
    <message>
        <source>%1 could not be stopped; the app stays open.</source>
        <translation>%1 を停止できなかったため、アプリは開いたままにします。</translation>
    </message>
    <message>
        <source>Where Is the Azure Resource?</source>
        <translation>Azure リソースの場所</translation>
    </message>
</context>
<context>
    <name>fs::ui::ExportSplitDialog</name>
    <message>
        <source>Export Training and Validation Files</source>
        <translation>学習用・検証用ファイルの書き出し</translation>
    </message>
    <message>
        <source>The validation examples are kept out of training, so the service can measure how well the model does on examples it has not seen.</source>
        <translation>検証用の例は学習に使われません。そのため、モデルが見たことのない例にどれだけうまく答えられるかを、サービスが測定できます。</translation>
    </message>
    <message>
        <source>The same number always gives the same split</source>
        <translation>同じ番号なら、いつも同じ分け方になります</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>名前を付けて保存</translation>
    </message>
    <message>
        <source>Training files (*.jsonl)</source>
        <translation>学習ファイル (*.jsonl)</translation>
    </message>
    <message>
        <source>Share for validation:</source>
        <translation>検証用の割合:</translation>
    </message>
    <message>
        <source>Shuffle number:</source>
        <translation>シャッフル番号:</translation>
    </message>
    <message>
        <source>Training file:</source>
        <translation>学習用ファイル:</translation>
    </message>
    <message>
        <source>Validation file:</source>
        <translation>検証用ファイル:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出す</translation>
    </message>
    <message>
        <source>%1 examples for training, %2 for validation.</source>
        <translation>学習用に%1件、検証用に%2件の例を使います。</translation>
    </message>
    <message>
        <source>The fine-tuning service refuses a training file with fewer than %1 examples. Add examples, or keep fewer of them for validation.</source>
        <translation>ファインチューニングサービスは、例が%1件未満の学習用ファイルを受け付けません。例を追加するか、検証用に回す例を減らしてください。</translation>
    </message>
</context>
<context>
    <name>fs::ui::FileDetailsPanel</name>
    <message>
        <source>Select a file to see its details.</source>
        <translation>ファイルを選択すると、その詳細が表示されます。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名前:</translation>
    </message>
    <message>
        <source>File ID:</source>
        <translation>ファイルID:</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>用途:</translation>
    </message>
    <message>
        <source>Meant as:</source>
        <translation>データの種類:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>サイズ:</translation>
    </message>
    <message>
        <source>Uploaded:</source>
        <translation>アップロード日時:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>有効期限:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状態:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>詳細:</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <source>%1 (%L2 bytes)</source>
        <translation>%1 (%L2 バイト)</translation>
    </message>
    <message>
        <source>Never: kept until you delete it</source>
        <translation>なし: 削除するまで保持されます</translation>
    </message>
    <message>
        <source>Checking… (the service is looking at the file)</source>
        <translation>確認中… (サービスがファイルを確認しています)</translation>
    </message>
    <message>
        <source>Ready to use</source>
        <translation>使用可能</translation>
    </message>
    <message>
        <source>Problem: the service could not use this file</source>
        <translation>問題: サービスがこのファイルを使用できませんでした</translation>
    </message>
    <message>
        <source>The service gave no reason.</source>
        <translation>サービスから理由は示されませんでした。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>fs::ui::FilesArea</name>
    <message>
        <source>Files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Validation data</source>
        <translation>検証データ</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>学習データ</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>すべてのファイル</translation>
    </message>
    <message>
        <source>Show only the files of one purpose</source>
        <translation>特定の用途のファイルだけを表示します</translation>
    </message>
    <message>
        <source>New uploads:</source>
        <translation>新しいアップロード:</translation>
    </message>
    <message>
        <source>What the service should use the file for. Fine-tuning data is checked before it is sent.</source>
        <translation>サービスがファイルを何に使うかを指定します。ファインチューニング用のデータは送信前に検査されます。</translation>
    </message>
    <message>
        <source>as</source>
        <translation>種類:</translation>
    </message>
    <message>
        <source>Remembered for the Jobs area: training data teaches the model, validation data measures how well it learned.</source>
        <translation>「ジョブ」エリアで使うために記憶されます。学習データはモデルに学習させるデータ、検証データは学習の成果を測るデータです。</translation>
    </message>
    <message>
        <source>Always use resumable upload</source>
        <translation>常に再開可能なアップロードを使う</translation>
    </message>
    <message>
        <source>Send every file in parts that survive a dropped connection. Files over 512 MB are always sent this way.</source>
        <translation>すべてのファイルを、接続が切れても失われない分割形式で送信します。512 MB を超えるファイルは常にこの方法で送信されます。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Forget these uploads; the parts already sent are dropped.</source>
        <translation>これらのアップロードを破棄します。送信済みの部分は削除されます。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Uploads&lt;/b&gt;</source>
        <translation>&lt;b&gt;アップロード&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>完了したものを消去</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message numerus="yes">
        <source>Loading the list of files… %n so far</source>
        <translation>
            <numerusform>ファイルの一覧を読み込んでいます… これまでに%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>The list could not be refreshed: %1</source>
        <translation>一覧を更新できませんでした: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Upload Open Dataset</source>
        <translation>開いているデータセットをアップロード</translation>
    </message>
    <message>
        <source>Send the dataset open in the Datasets area</source>
        <translation>「データセット」エリアで開いているデータセットを送信します</translation>
    </message>
    <message>
        <source>Upload File…</source>
        <translation>ファイルをアップロード…</translation>
    </message>
    <message>
        <source>Send files from this computer</source>
        <translation>このコンピューターからファイルを送信します</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Load the list of files again</source>
        <translation>ファイルの一覧を読み込み直します</translation>
    </message>
    <message>
        <source>Save Content…</source>
        <translation>内容を保存…</translation>
    </message>
    <message>
        <source>Download the selected file to this computer</source>
        <translation>選択したファイルをこのコンピューターにダウンロードします</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Delete the selected files on the service</source>
        <translation>選択したファイルをサービスから削除します</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Show every detail of the selected file</source>
        <translation>選択したファイルの詳細をすべて表示します</translation>
    </message>
    <message>
        <source>No connection is active. Choose one in the Connection menu.</source>
        <translation>有効な接続がありません。「接続」メニューで選択してください。</translation>
    </message>
    <message>
        <source>Loading the list of files…</source>
        <translation>ファイルの一覧を読み込んでいます…</translation>
    </message>
    <message>
        <source>The list of files could not be loaded.
%1</source>
        <translation>ファイルの一覧を読み込めませんでした。
%1</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>No files of the kind “%1” on this connection.</source>
        <translation>この接続には、種類が「%1」のファイルはありません。</translation>
    </message>
    <message>
        <source>No files on this connection yet.
Your upload appears here as soon as it has arrived.</source>
        <translation>この接続にはまだファイルがありません。
アップロードしたファイルは、届きしだいここに表示されます。</translation>
    </message>
    <message>
        <source>No files on this connection yet.
Drop a dataset (JSONL file) here, or choose Upload File… to send one.</source>
        <translation>この接続にはまだファイルがありません。
ここにデータセット (JSONLファイル) をドロップするか、「ファイルをアップロード…」を選んで送信してください。</translation>
    </message>
    <message>
        <source>Send “%1”, the dataset open in the Datasets area</source>
        <translation>「データセット」エリアで開いているデータセット「%1」を送信します</translation>
    </message>
    <message>
        <source>Open a dataset in the Datasets area first</source>
        <translation>先に「データセット」エリアでデータセットを開いてください</translation>
    </message>
    <message>
        <source>Upload Files</source>
        <translation>ファイルのアップロード</translation>
    </message>
    <message>
        <source>Datasets (*.jsonl);;All files (*)</source>
        <translation>データセット (*.jsonl);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Save File Content</source>
        <translation>ファイルの内容の保存</translation>
    </message>
    <message>
        <source>Delete Files</source>
        <translation>ファイルの削除</translation>
    </message>
    <message>
        <source>Delete “%1” from the service?</source>
        <translation>「%1」をサービスから削除しますか?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n files from the service?</source>
        <translation>
            <numerusform>%n件のファイルをサービスから削除しますか?</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs that already used them keep their results, but no new job can use them. This cannot be undone.</source>
        <translation>これらのファイルをすでに使ったジョブの結果は残りますが、新しいジョブでは使えなくなります。この操作は元に戻せません。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Some files could not be deleted.</source>
        <translation>一部のファイルを削除できませんでした。</translation>
    </message>
    <message>
        <source>Downloading “%1”…</source>
        <translation>「%1」をダウンロードしています…</translation>
    </message>
    <message>
        <source>Downloading “%1”… %2 of %3</source>
        <translation>「%1」をダウンロードしています… %2 / %3</translation>
    </message>
    <message>
        <source>Downloading “%1”… %2</source>
        <translation>「%1」をダウンロードしています… %2</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>ダウンロードをキャンセルしました。</translation>
    </message>
    <message>
        <source>“%1” could not be downloaded.</source>
        <translation>「%1」をダウンロードできませんでした。</translation>
    </message>
    <message>
        <source>“%1” could not be written.</source>
        <translation>「%1」を書き込めませんでした。</translation>
    </message>
    <message>
        <source>Saved to %1 (decoded: the service sends result files in base64).</source>
        <translation>%1 に保存しました (デコード済み: サービスは結果ファイルを base64 で送信します)。</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>%1 に保存しました。</translation>
    </message>
    <message>
        <source>An upload did not finish last time: %1 (%2 of %3 already sent). Resume to send only the rest; this is possible for about %4 more minutes.</source>
        <translation>前回、アップロードが完了しませんでした: %1 (%3中%2を送信済み)。「再開」を押すと残りの部分だけを送信します。再開できるのはあと約%4分間です。</translation>
    </message>
    <message>
        <source>Some uploads did not finish last time: %1 (%2 of %3 already sent). Resume to send only the rest; this is possible for about %4 more minutes.</source>
        <translation>前回、いくつかのアップロードが完了しませんでした: %1 (%3中%2を送信済み)。「再開」を押すと残りの部分だけを送信します。再開できるのはあと約%4分間です。</translation>
    </message>
    <message>
        <source>Resumable uploads in parts are an OpenAI feature. Together AI takes each file in one piece: large files go straight to its storage.</source>
        <translation>パートに分けた再開可能なアップロードは OpenAI の機能です。Together AI は各ファイルを1回でまとめて受け取ります。大きなファイルは Together AI のストレージに直接送られます。</translation>
    </message>
    <message>
        <source>Resumable uploads in parts are an OpenAI feature. Fireworks AI keeps each file as a dataset sent in one piece: large files go straight to its storage.</source>
        <translation>分割して再開できるアップロードは OpenAI の機能です。Fireworks AI では各ファイルを一括で送信されたデータセットとして保存し、大きなファイルはストレージに直接送られます。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln個のファイル</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::ui::FindReplaceDialog</name>
    <message>
        <source>Find and Replace</source>
        <translation>検索と置換</translation>
    </message>
    <message>
        <source>Match upper and lower case</source>
        <translation>大文字と小文字を区別</translation>
    </message>
    <message>
        <source>Whole words only</source>
        <translation>単語単位で検索</translation>
    </message>
    <message>
        <source>Every message</source>
        <translation>すべてのメッセージ</translation>
    </message>
    <message>
        <source>System messages</source>
        <translation>システムメッセージ</translation>
    </message>
    <message>
        <source>User messages</source>
        <translation>ユーザーメッセージ</translation>
    </message>
    <message>
        <source>Assistant messages</source>
        <translation>アシスタントメッセージ</translation>
    </message>
    <message>
        <source>Only in the selected examples (%1)</source>
        <translation>選択した例のみ (%1)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>検索:</translation>
    </message>
    <message>
        <source>Replace with:</source>
        <translation>置換後:</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>検索対象:</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>すべて置換</translation>
    </message>
    <message>
        <source>Type the text to find.</source>
        <translation>検索する文字列を入力してください。</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>見つかりませんでした。</translation>
    </message>
    <message>
        <source>Matches found: %1</source>
        <translation>見つかった数: %1</translation>
    </message>
    <message>
        <source>Replacements made: %1. Edit ▸ Undo takes them back.</source>
        <translation>置換した数: %1。「編集」▸「元に戻す」で取り消せます。</translation>
    </message>
    <message>
        <source>Counting the matches…</source>
        <translation>一致する箇所を数えています…</translation>
    </message>
    <message>
        <source>Another change is still running. Try again in a moment.</source>
        <translation>別の変更がまだ実行中です。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Replacing…</source>
        <translation>置換しています…</translation>
    </message>
</context>
<context>
    <name>fs::ui::FindingsPanel</name>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>例</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>修正</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Error: the service will refuse the file</source>
        <translation>エラー: サービスはこのファイルを受け付けません</translation>
    </message>
    <message>
        <source>Warning: worth a look</source>
        <translation>警告: 確認をおすすめします</translation>
    </message>
    <message>
        <source>Checking the examples…</source>
        <translation>例を検査しています…</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>問題は見つかりませんでした。</translation>
    </message>
    <message>
        <source>Errors: %1, warnings: %2</source>
        <translation>エラー: %1、警告: %2</translation>
    </message>
    <message>
        <source>(showing the first %1)</source>
        <translation>(最初の%1件を表示)</translation>
    </message>
    <message>
        <source>Errors must be fixed before the file can be used for training.</source>
        <translation>ファイルを学習に使う前に、エラーを修正する必要があります。</translation>
    </message>
</context>
<context>
    <name>fs::ui::GuidePanel</name>
    <message>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>advice</source>
        <translation>アドバイス</translation>
    </message>
    <message>
        <source>Your First Fine-tune</source>
        <translation>はじめてのファインチューニング</translation>
    </message>
    <message>
        <source>Never fine-tuned a model? Follow these steps. They tick themselves as you work on the open dataset.</source>
        <translation>ファインチューニングは初めてですか? 次の手順に沿って進めてください。開いているデータセットで作業を進めると、各手順に自動でチェックが付きます。</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <extracomment>Read by screen readers for one step of the guide: its title, state and status</extracomment>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%2件中%1件完了</translation>
    </message>
    <message>
        <source>&amp;Guide: Your First Fine-tune</source>
        <translation>ガイド: はじめてのファインチューニング(&amp;G)</translation>
    </message>
</context>
<context>
    <name>fs::ui::ImportDialog</name>
    <message>
        <source>Import Examples</source>
        <translation>例の取り込み</translation>
    </message>
    <message>
        <source>Each row of the file becomes one example. Write what each message says; a column name in braces, like {question}, is replaced by that row&apos;s value.</source>
        <translation>ファイルの各行が1つの例になります。各メッセージの内容を入力してください。{question} のように波かっこで囲んだ列名は、その行の値に置き換えられます。</translation>
    </message>
    <message>
        <source>Insert Column</source>
        <translation>列を挿入</translation>
    </message>
    <message>
        <source>Puts the chosen column into the message you were writing</source>
        <translation>選んだ列を、入力中のメッセージに挿入します</translation>
    </message>
    <message>
        <source>Optional: instructions for the model, the same for every example</source>
        <translation>任意: モデルへの指示 (すべての例で共通)</translation>
    </message>
    <message>
        <source>What the user says, e.g. {question}</source>
        <translation>ユーザーの発言 (例: {question})</translation>
    </message>
    <message>
        <source>What the model should answer, e.g. {answer}</source>
        <translation>モデルが返すべき回答 (例: {answer})</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>列:</translation>
    </message>
    <message>
        <source>System message:</source>
        <translation>システムメッセージ:</translation>
    </message>
    <message>
        <source>User message:</source>
        <translation>ユーザーメッセージ:</translation>
    </message>
    <message>
        <source>Assistant answer:</source>
        <translation>アシスタントの回答:</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>アシスタント</translation>
    </message>
    <message>
        <source>Preview of the first rows:</source>
        <translation>先頭の行のプレビュー:</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: rows: %2, columns: %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2行、%3列</translation>
    </message>
    <message>
        <source>Examples to add: %1.</source>
        <translation>追加する例: %1件。</translation>
    </message>
    <message>
        <source>Rows with a problem, left out: %1.</source>
        <translation>問題があり除外した行: %1行。</translation>
    </message>
    <message>
        <source>First problem: %1</source>
        <translation>最初の問題: %1</translation>
    </message>
    <message>
        <source>Import %1 Examples</source>
        <translation>%1件の例を取り込む</translation>
    </message>
    <message>
        <source>Line %1 of the file</source>
        <translation>ファイルの%1行目</translation>
    </message>
</context>
<context>
    <name>fs::ui::JobMonitor</name>
    <message>
        <source>Choose a job in the list above to follow its training here: progress, the loss chart, the service&apos;s messages and the saved checkpoints.</source>
        <translation>上の一覧からジョブを選ぶと、ここで学習の様子 (進み具合、損失のグラフ、サービスからのメッセージ、保存されたチェックポイント) を確認できます。</translation>
    </message>
    <message>
        <source>Open in Playground</source>
        <translation>プレイグラウンドで開く</translation>
    </message>
    <message>
        <source>Chat with the fine-tuned model</source>
        <translation>ファインチューニングしたモデルとチャットします</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>すべてのメッセージ</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告とエラー</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>エラーのみ</translation>
    </message>
    <message>
        <source>Search the messages</source>
        <translation>メッセージを検索</translation>
    </message>
    <message>
        <source>Hide step-by-step numbers</source>
        <translation>ステップごとの数値を隠す</translation>
    </message>
    <message>
        <source>The chart shows them; the log then keeps the service&apos;s messages only.</source>
        <translation>数値はグラフに表示されるため、ログにはサービスからのメッセージだけが残ります。</translation>
    </message>
    <message>
        <source>Copies the selected messages, or all shown ones</source>
        <translation>選択したメッセージ、または表示中のすべてのメッセージをコピーします</translation>
    </message>
    <message>
        <source>Training chart</source>
        <translation>学習グラフ</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>チェックポイント</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>%1 から</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>ステップ %1 / %2</translation>
    </message>
    <message>
        <source>The service is checking the training files.</source>
        <translation>サービスが学習ファイルを確認しています。</translation>
    </message>
    <message>
        <source>Waiting for the service to start training.</source>
        <translation>サービスが学習を開始するのを待っています。</translation>
    </message>
    <message>
        <source>Paused. Resume to continue from step %1.</source>
        <translation>一時停止中です。再開するとステップ %1 から続行します。</translation>
    </message>
    <message>
        <source>Finished: the new model is ready.</source>
        <translation>完了: 新しいモデルの準備ができました。</translation>
    </message>
    <message>
        <source>Training stopped with an error.</source>
        <translation>エラーのため学習が停止しました。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルされました。</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>所要時間: %1</translation>
    </message>
    <message>
        <source>%1 tokens trained</source>
        <translation>学習したトークン: %1</translation>
    </message>
    <message>
        <source>This job ended before the service reported any training step, so there is no chart. The Messages tab tells what happened.</source>
        <translation>このジョブは、サービスが学習ステップを報告する前に終了したため、グラフはありません。何が起きたかは「メッセージ」タブで確認できます。</translation>
    </message>
    <message>
        <source>Messages: %1</source>
        <translation>メッセージ: %1</translation>
    </message>
    <message>
        <source>%1 of %2 messages shown</source>
        <translation>%2件中%1件のメッセージを表示</translation>
    </message>
    <message>
        <source>The service saves a checkpoint (a usable copy of the model) at the end of each of the last epochs. None yet.</source>
        <translation>サービスは、最後の数エポックのそれぞれの終わりにチェックポイント (使用可能なモデルのコピー) を保存します。まだありません。</translation>
    </message>
    <message>
        <source>Select a checkpoint and open it in the Playground to try it.</source>
        <translation>チェックポイントを選択し、プレイグラウンドで開いて試してください。</translation>
    </message>
    <message>
        <source>Open it (or another one) in the Playground to try it.</source>
        <translation>これ (または別のチェックポイント) をプレイグラウンドで開いて試してください。</translation>
    </message>
    <message>
        <source>Deploy to Try It…</source>
        <translation>デプロイして試す…</translation>
    </message>
    <message>
        <source>This service answers with a fine-tuned model only while it runs on hardware of its own, billed while it runs</source>
        <translation>このサービスでは、ファインチューニングしたモデルは専用のハードウェア上で実行している間だけ回答し、実行中は課金されます</translation>
    </message>
    <message>
        <source>This fine-tuned model %1.</source>
        <translation>このファインチューニング済みモデルは%1。</translation>
    </message>
    <message>
        <source>The base model %1 %2.</source>
        <translation>ベースモデル %1 は%2。</translation>
    </message>
</context>
<context>
    <name>fs::ui::JobNotifier</name>
    <message>
        <source>Training finished</source>
        <translation>学習が完了しました</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>学習に失敗しました</translation>
    </message>
    <message>
        <source>Training cancelled</source>
        <translation>学習がキャンセルされました</translation>
    </message>
    <message>
        <source>Job %1 finished.</source>
        <translation>ジョブ %1 が完了しました。</translation>
    </message>
    <message>
        <source>Your model %1 is ready. Try it in the Playground.</source>
        <translation>モデル %1 の準備ができました。プレイグラウンドで試してみてください。</translation>
    </message>
    <message>
        <source>Job %1 stopped with an error.</source>
        <translation>ジョブ %1 はエラーで停止しました。</translation>
    </message>
    <message>
        <source>Job %1 stopped: %2</source>
        <translation>ジョブ %1 が停止しました: %2</translation>
    </message>
    <message>
        <source>Job %1 was cancelled.</source>
        <translation>ジョブ %1 はキャンセルされました。</translation>
    </message>
    <message>
        <source>Your model %1 is ready. To try it, deploy it first: press “Deploy to Try It…”. It is billed while it runs.</source>
        <translation>モデル %1 の準備ができました。試すには、先にデプロイしてください:「デプロイして試す…」を押します。実行中は課金されます。</translation>
    </message>
</context>
<context>
    <name>fs::ui::JobsArea</name>
    <message>
        <source>Jobs</source>
        <translation>ジョブ</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>The job list could not be read: %1</source>
        <translation>ジョブの一覧を読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Reading the jobs…</source>
        <translation>ジョブを読み込んでいます…</translation>
    </message>
    <message>
        <source>New job…</source>
        <translation>新しいジョブ…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Cancel job…</source>
        <translation>ジョブをキャンセル…</translation>
    </message>
    <message>
        <source>Stop the selected job for good</source>
        <translation>選択したジョブを完全に停止します</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Pause the selected job; it can be resumed later</source>
        <translation>選択したジョブを一時停止します。後で再開できます</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Continue the paused job</source>
        <translation>一時停止したジョブを続行します</translation>
    </message>
    <message>
        <source>New Fine-tuning &amp;Job…</source>
        <translation>新しいファインチューニングジョブ(&amp;J)…</translation>
    </message>
    <message>
        <source>The local job history cannot be used (%1); jobs are shown from the service only.</source>
        <translation>ローカルのジョブ履歴を使用できません (%1)。サービス上のジョブのみを表示しています。</translation>
    </message>
    <message>
        <source>Jobs cannot be read: %1</source>
        <translation>ジョブを読み込めません: %1</translation>
    </message>
    <message>
        <source>Could not reach the service (%1). Trying again shortly.</source>
        <translation>サービスに接続できませんでした (%1)。まもなく再試行します。</translation>
    </message>
    <message>
        <source>This job can no longer be followed: %1</source>
        <translation>このジョブはもう追跡できません: %1</translation>
    </message>
    <message>
        <source>Reading the jobs of this connection…</source>
        <translation>この接続のジョブを読み込んでいます…</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>ジョブのキャンセル</translation>
    </message>
    <message>
        <source>Cancel the job %1?</source>
        <translation>ジョブ %1 をキャンセルしますか?</translation>
    </message>
    <message>
        <source>Training stops for good and cannot be resumed. Steps already trained may still be billed.</source>
        <translation>学習は完全に停止し、再開できなくなります。すでに学習したステップの分は課金される場合があります。</translation>
    </message>
    <message>
        <source>Pause job</source>
        <translation>ジョブの一時停止</translation>
    </message>
    <message>
        <source>Resume job</source>
        <translation>ジョブの再開</translation>
    </message>
    <message>
        <source>The service did not accept this for job %1.</source>
        <translation>サービスはジョブ %1 に対するこの操作を受け付けませんでした。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Start training a model on your examples</source>
        <translation>例を使ってモデルの学習を開始します</translation>
    </message>
    <message>
        <source>Read the jobs from the service again</source>
        <translation>サービスからジョブを読み込み直します</translation>
    </message>
    <message>
        <source>No fine-tuning jobs on this connection yet.
Press “New job…” (%1) to train a model on your examples.</source>
        <translation>この接続にはまだファインチューニングジョブがありません。
「新しいジョブ…」(%1) を押すと、例を使ってモデルを学習できます。</translation>
    </message>
    <message>
        <source>Keep trying</source>
        <translation>再試行を続ける</translation>
    </message>
    <message>
        <source>Check the service again for the jobs that stopped being watched</source>
        <translation>監視が止まったジョブについて、サービスにもう一度問い合わせます</translation>
    </message>
    <message>
        <source>Job %1: %2</source>
        <translation>ジョブ %1: %2</translation>
    </message>
    <message>
        <source>Delete job…</source>
        <translation>ジョブを削除…</translation>
    </message>
    <message>
        <source>Remove the selected job from the service</source>
        <translation>選択したジョブをサービスから削除します</translation>
    </message>
    <message>
        <source>Delete job</source>
        <translation>ジョブの削除</translation>
    </message>
    <message>
        <source>Delete the job %1?</source>
        <translation>ジョブ %1 を削除しますか?</translation>
    </message>
    <message>
        <source>It stops training and is removed from %1 and from this list, with its chart. This cannot be undone. Steps already trained may still be billed.</source>
        <translation>トレーニングが停止し、%1 とこの一覧からグラフとともに削除されます。元に戻すことはできません。すでにトレーニングされたステップは課金される場合があります。</translation>
    </message>
    <message>
        <source>It is removed from %1 and from this list, with its chart. This cannot be undone.</source>
        <translation>%1 とこの一覧からグラフとともに削除されます。元に戻すことはできません。</translation>
    </message>
    <message>
        <source>Delete Job</source>
        <translation>ジョブを削除</translation>
    </message>
    <message>
        <source>Keep It</source>
        <translation>削除しない</translation>
    </message>
    <message>
        <source>The service did not delete job %1.</source>
        <translation>サービスはジョブ %1 を削除しませんでした。</translation>
    </message>
</context>
<context>
    <name>fs::ui::KeepBehaviourDialog</name>
    <message>
        <source>Copy Command</source>
        <translation>コマンドをコピー</translation>
    </message>
    <message>
        <source>Start Capturing</source>
        <translation>収集を開始</translation>
    </message>
    <message>
        <source>Keep This Model’s Behaviour</source>
        <translation>このモデルの振る舞いを残す</translation>
    </message>
    <message>
        <source>“%1” (connection “%2”): a service cannot hand back a fine-tuned model, and often the training file is gone. What you can keep is how it answers.</source>
        <translation>「%1」(接続「%2」): サービスからファインチューニング済みモデルを受け取ることはできず、学習ファイルも残っていないことがよくあります。残せるのは、モデルの答え方です。</translation>
    </message>
    <message>
        <source>“%1” (connection “%2”) %3. A service cannot hand back a fine-tuned model, and often the training file is gone. What you can keep, while it still answers, is how it answers.</source>
        <translation>「%1」(接続「%2」) は%3。サービスからファインチューニング済みモデルを受け取ることはできず、学習ファイルも残っていないことがよくあります。モデルがまだ回答するうちに残せるのは、その答え方です。</translation>
    </message>
    <message>
        <source>1. Capture its answers: send it the prompts it usually gets (your training or validation file) and keep each answer as a new example. The answers are saved as they arrive; if the capture stops, start it again and it goes on where it stopped.
2. Train a new model on those examples, on this or another service.
3. Compare the new model with the old one&apos;s answers in the Playground (Score on Examples, Blind Rating) before the old one stops answering.</source>
        <translation>1. 回答を収集する: モデルが普段受け取るプロンプト (学習ファイルまたは検証ファイル) を送信し、各回答を新しい例として保存します。回答は届いた順に保存されます。収集が止まっても、もう一度開始すれば止まったところから続行します。
2. その例を使って、このサービスまたは別のサービスで新しいモデルを学習させます。
3. 元のモデルが回答しなくなる前に、プレイグラウンド (例で採点、ブラインド評価) で新しいモデルと元のモデルの回答を比較します。</translation>
    </message>
    <message>
        <source>A dataset or validation file (.jsonl)</source>
        <translation>データセットまたは検証ファイル (.jsonl)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Prompts from:</source>
        <translation>プロンプトの入力元:</translation>
    </message>
    <message>
        <source>Save answers to:</source>
        <translation>回答の保存先:</translation>
    </message>
    <message>
        <source>The same capture from a terminal</source>
        <translation>ターミナルから同じ収集を行う場合</translation>
    </message>
    <message>
        <source>Command line:</source>
        <translation>コマンドライン:</translation>
    </message>
    <message>
        <source>PROMPTS.jsonl</source>
        <translation>PROMPTS.jsonl</translation>
    </message>
    <message>
        <source>ANSWERS.jsonl</source>
        <translation>ANSWERS.jsonl</translation>
    </message>
    <message>
        <source>Prompts to Capture Answers For</source>
        <translation>回答を収集するプロンプト</translation>
    </message>
    <message>
        <source>Chat datasets (*.jsonl)</source>
        <translation>チャットのデータセット (*.jsonl)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>There is no file at %1.</source>
        <translation>%1 にファイルがありません。</translation>
    </message>
    <message>
        <source>The capture could not be started: %1</source>
        <translation>収集を開始できませんでした: %1</translation>
    </message>
    <message>
        <source>Capturing the answers of “%1”…</source>
        <translation>「%1」の回答を収集しています…</translation>
    </message>
    <message>
        <source>Done: the answers are saved in %1. Open it in the Datasets area to read them, then train a new model on it.</source>
        <translation>完了しました。回答は %1 に保存されています。「データセット」エリアで開いて内容を確認してから、それを使って新しいモデルを学習させてください。</translation>
    </message>
    <message>
        <source>The capture was stopped. The answers so far are kept in %1; start again to go on where it stopped.</source>
        <translation>収集を中止しました。ここまでの回答は %1 に保存されています。もう一度開始すると、止まったところから続行します。</translation>
    </message>
    <message>
        <source>The capture stopped with an error. Start again to go on where it stopped.</source>
        <translation>エラーのため収集が停止しました。もう一度開始すると、止まったところから続行します。</translation>
    </message>
    <message>
        <source>The capture stopped: %1 Start again to go on where it stopped.</source>
        <translation>収集が停止しました: %1 もう一度開始すると、止まったところから続行します。</translation>
    </message>
</context>
<context>
    <name>fs::ui::MainWindow</name>
    <message>
        <source>Sandbox Not Available</source>
        <translation>サンドボックスを使用できません</translation>
    </message>
    <message>
        <source>The built-in sandbox could not be started.</source>
        <translation>内蔵のサンドボックスを起動できませんでした。</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>エリア</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>接続(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Manage Connections…</source>
        <translation>接続の管理(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Test Again</source>
        <translation>再テスト(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Use Connection</source>
        <translation>使用する接続(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Finetune Studio</source>
        <translation>Finetune Studio について(&amp;A)</translation>
    </message>
    <message>
        <source>Finetune Studio — %1</source>
        <extracomment>Window title: app name, then the active connection&apos;s name</extracomment>
        <translation>Finetune Studio — %1</translation>
    </message>
    <message>
        <source>About Finetune Studio</source>
        <translation>Finetune Studio について</translation>
    </message>
    <message>
        <source>Finetune Studio %1</source>
        <translation>Finetune Studio %1</translation>
    </message>
    <message>
        <source>Fine-tune chat models without writing code, with OpenAI, Azure OpenAI, any compatible server, or the built-in offline sandbox.

Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>コードを書かずにチャットモデルをファインチューニングできます。OpenAI、Azure OpenAI、任意の互換サーバー、または内蔵のオフラインサンドボックスに対応しています。

GNU 一般公衆利用許諾書 (GPL) バージョン3またはそれ以降のバージョンの下でライセンスされています。</translation>
    </message>
    <message>
        <source>Finetune Studio — %1 — %2</source>
        <extracomment>Window title: app name, the active connection&apos;s name, then the open dataset&apos;s name (%2 ends with the modified marker [*], which Qt shows as * when there are changes)</extracomment>
        <translation>Finetune Studio — %1 — %2</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Welcome…</source>
        <translation>ようこそ(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>fs::ui::MessageCard</name>
    <message>
        <source>System (instructions)</source>
        <translation>システム (指示)</translation>
    </message>
    <message>
        <source>Developer (instructions)</source>
        <translation>開発者 (指示)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Assistant (the model)</source>
        <translation>アシスタント (モデル)</translation>
    </message>
    <message>
        <source>Tool result</source>
        <translation>ツールの結果</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>ロール</translation>
    </message>
    <message>
        <source>Learn from this answer</source>
        <translation>この回答から学習</translation>
    </message>
    <message>
        <source>When unticked, the model sees this answer as context but is not trained to give it (weight 0).</source>
        <translation>オフにすると、モデルはこの回答を文脈として参照しますが、この回答を返すようには学習しません (重み 0)。</translation>
    </message>
    <message>
        <source>Move message up (Alt+Up)</source>
        <translation>メッセージを上に移動 (Alt+Up)</translation>
    </message>
    <message>
        <source>Move message down (Alt+Down)</source>
        <translation>メッセージを下に移動 (Alt+Down)</translation>
    </message>
    <message>
        <source>Insert a message below (Ctrl+Return)</source>
        <translation>下にメッセージを挿入 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Delete this message</source>
        <translation>このメッセージを削除</translation>
    </message>
    <message>
        <source>Add a tool call</source>
        <translation>ツール呼び出しを追加</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>メッセージの本文</translation>
    </message>
    <message>
        <source>Write the message here</source>
        <translation>ここにメッセージを入力してください</translation>
    </message>
    <message>
        <source>Tool calls (JSON):</source>
        <translation>ツール呼び出し (JSON):</translation>
    </message>
    <message>
        <source>Tool calls</source>
        <translation>ツール呼び出し</translation>
    </message>
    <message>
        <source>Answers the tool call:</source>
        <translation>回答するツール呼び出し:</translation>
    </message>
    <message>
        <source>Tool call id</source>
        <translation>ツール呼び出しID</translation>
    </message>
    <message>
        <source>%1.</source>
        <extracomment>Number of a message in the conversation</extracomment>
        <translation>%1.</translation>
    </message>
    <message>
        <source>“%1” (unknown)</source>
        <translation>「%1」(不明)</translation>
    </message>
</context>
<context>
    <name>fs::ui::MetricsChart</name>
    <message>
        <source>checkpoint</source>
        <translation>チェックポイント</translation>
    </message>
    <message>
        <source>Training loss (each step)</source>
        <translation>学習損失 (ステップごと)</translation>
    </message>
    <message>
        <source>Validation loss (each step)</source>
        <translation>検証損失 (ステップごと)</translation>
    </message>
    <message>
        <source>Training step</source>
        <translation>学習ステップ</translation>
    </message>
    <message>
        <source>Loss (lower is better)</source>
        <translation>損失 (低いほどよい)</translation>
    </message>
    <message>
        <source>Token accuracy</source>
        <translation>トークン正解率</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑化</translation>
    </message>
    <message>
        <source>Smoothing averages neighbouring steps so the trend is easier to see. The exact values stay faint underneath.</source>
        <translation>平滑化では、隣り合うステップを平均して傾向を見やすくします。正確な値は下に薄く表示されたままです。</translation>
    </message>
    <message>
        <source>The share of answer tokens the model predicted exactly (right-hand axis; higher is better).</source>
        <translation>モデルが正確に予測できた回答トークンの割合です (右側の軸、高いほどよい)。</translation>
    </message>
    <message>
        <source>Show all steps</source>
        <translation>すべてのステップを表示</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>Picture (PNG)…</source>
        <translation>画像 (PNG)…</translation>
    </message>
    <message>
        <source>Values (CSV)…</source>
        <translation>値 (CSV)…</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>平滑化:</translation>
    </message>
    <message>
        <source>Hover for exact values · wheel to zoom · drag to move · Shift+drag to zoom to a range · double-click to show all</source>
        <translation>ポインターを合わせると正確な値を表示 · ホイールで拡大縮小 · ドラッグで移動 · Shift+ドラッグで範囲を拡大 · ダブルクリックで全体を表示</translation>
    </message>
    <message>
        <source>Choose a job in the list to see its training chart.</source>
        <translation>一覧からジョブを選ぶと、その学習グラフが表示されます。</translation>
    </message>
    <message>
        <source>No training steps yet. The chart fills in as soon as the service reports the first step.</source>
        <translation>まだ学習ステップがありません。サービスが最初のステップを報告すると、すぐにグラフが表示されます。</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>ステップ %1 / %2</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>ステップ %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 (smoothed %2)</source>
        <translation>%1 (平滑化後 %2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>A checkpoint was saved at this step.</source>
        <translation>このステップでチェックポイントが保存されました。</translation>
    </message>
    <message>
        <source>The values could not be saved to %1: %2</source>
        <translation>値を %1 に保存できませんでした: %2</translation>
    </message>
    <message>
        <source>The picture could not be saved to %1.</source>
        <translation>画像を %1 に保存できませんでした。</translation>
    </message>
    <message>
        <source>Export chart as picture</source>
        <translation>グラフを画像として書き出す</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Export chart values</source>
        <translation>グラフの値を書き出す</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>グラフの書き出し</translation>
    </message>
</context>
<context>
    <name>fs::ui::ModelPicker</name>
    <message>
        <source>Fine-tuned %1</source>
        <translation>ファインチューニング済みの %1</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (%2 から)</translation>
    </message>
    <message>
        <source>%1, step %2</source>
        <translation>%1、ステップ %2</translation>
    </message>
    <message>
        <source>Your fine-tuned models</source>
        <translation>ファインチューニング済みのモデル</translation>
    </message>
    <message>
        <source>Checkpoints (saved during training)</source>
        <translation>チェックポイント (学習中に保存されたもの)</translation>
    </message>
    <message>
        <source>Base models</source>
        <translation>ベースモデル</translation>
    </message>
</context>
<context>
    <name>fs::ui::MoveUi</name>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Move to Another Service…</source>
        <translation>別のサービスへ移行(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Parity Check…</source>
        <translation>同等性チェック(&amp;P)…</translation>
    </message>
    <message>
        <source>Parity Check…</source>
        <translation>同等性チェック…</translation>
    </message>
    <message>
        <source>Is one model as good as another? Compare them on your prompts.</source>
        <translation>2つのモデルの品質が同等かどうかを、お手持ちのプロンプトで比較します。</translation>
    </message>
    <message>
        <source>Move to Another Service</source>
        <translation>別のサービスへ移行</translation>
    </message>
    <message>
        <source>No fine-tuned model is in the job history of %1 yet. Moving keeps the behaviour of a fine-tuned model: use the connection where it was trained.</source>
        <translation>%1 のジョブ履歴には、まだファインチューニング済みモデルがありません。移行では、ファインチューニング済みモデルの振る舞いを引き継ぎます。モデルを学習させた接続を使ってください。</translation>
    </message>
</context>
<context>
    <name>fs::ui::MoveWizard</name>
    <message>
        <source>Move %1 to Another Service</source>
        <translation>%1 を別のサービスへ移行</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>fs::ui::NewJobDialog</name>
    <message>
        <source> — still being checked by the service</source>
        <translation> — サービスが確認中です</translation>
    </message>
    <message>
        <source> — the service could not read it</source>
        <translation> — サービスが読み取れませんでした</translation>
    </message>
    <message>
        <source>New fine-tuning job</source>
        <translation>新しいファインチューニングジョブ</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>学習を開始</translation>
    </message>
    <message>
        <source>What to train</source>
        <translation>学習の内容</translation>
    </message>
    <message>
        <source>Base model:</source>
        <translation>ベースモデル:</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Read the list of files on the service again</source>
        <translation>サービス上のファイルの一覧をもう一度読み込みます</translation>
    </message>
    <message>
        <source>Training examples:</source>
        <translation>学習用の例:</translation>
    </message>
    <message>
        <source>Validation examples:</source>
        <translation>検証用の例:</translation>
    </message>
    <message>
        <source>Learn from example answers (supervised)</source>
        <translation>回答の例から学習 (教師あり)</translation>
    </message>
    <message>
        <source>Learn from preferred vs. rejected answers (DPO)</source>
        <translation>望ましい回答と望ましくない回答から学習 (DPO)</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法:</translation>
    </message>
    <message>
        <source>Training settings</source>
        <translation>学習の設定</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Let the service choose a value that suits your data</source>
        <translation>データに合った値をサービスが選びます</translation>
    </message>
    <message>
        <source>Name and extras (optional)</source>
        <translation>名前とその他の設定 (任意)</translation>
    </message>
    <message>
        <source>e.g. support-bot</source>
        <translation>例: support-bot</translation>
    </message>
    <message>
        <source>Added to the new model&apos;s name so you can recognise it (letters, digits, - and _; at most %1 characters).</source>
        <translation>新しいモデルを見分けやすいように、モデル名に付け加えます (英字、数字、-、_ で%1文字以内)。</translation>
    </message>
    <message>
        <source>Name suffix:</source>
        <translation>名前のサフィックス:</translation>
    </message>
    <message>
        <source>Fixed seed</source>
        <translation>シードを固定</translation>
    </message>
    <message>
        <source>With the same seed and settings, training gives (nearly) the same result again.</source>
        <translation>シードと設定が同じなら、学習で (ほぼ) 同じ結果が再現されます。</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>シード:</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Metadata:</source>
        <translation>メタデータ:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message numerus="yes">
        <source>The open dataset: %1 (%n example(s), uploaded when you start)</source>
        <translation>
            <numerusform>開いているデータセット: %1 (例 %n件、開始時にアップロード)</numerusform>
        </translation>
    </message>
    <message>
        <source>No training files yet</source>
        <translation>学習ファイルはまだありません</translation>
    </message>
    <message>
        <source>Reading the files on the service…</source>
        <translation>サービス上のファイルを読み込んでいます…</translation>
    </message>
    <message>
        <source>There are no training files on the service yet. Open a dataset in Datasets, or upload a file in Files.</source>
        <translation>サービス上にはまだ学習ファイルがありません。「データセット」でデータセットを開くか、「ファイル」でファイルをアップロードしてください。</translation>
    </message>
    <message>
        <source>Files on the service made for fine-tuning (newest first). Validation examples are optional: they show whether the model also does well on examples it did not learn from.</source>
        <translation>サービス上にあるファインチューニング用のファイルです (新しい順)。検証用の例は任意です。学習に使っていない例でもモデルがうまく答えられるかを確認できます。</translation>
    </message>
    <message>
        <source>The files on the service could not be read: %1</source>
        <translation>サービス上のファイルを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>This model cannot learn from preferred answers.</source>
        <translation>このモデルは望ましい回答から学習できません。</translation>
    </message>
    <message>
        <source>The validation examples should be a different file from the training examples, or none.</source>
        <translation>検証用の例には、学習用の例とは別のファイルを選ぶか、「なし」を選んでください。</translation>
    </message>
    <message>
        <source>The open dataset&apos;s tokens are still being counted.</source>
        <translation>開いているデータセットのトークンをまだ数えています。</translation>
    </message>
    <message>
        <source>Counting the tokens of %1…</source>
        <translation>%1 のトークンを数えています…</translation>
    </message>
    <message>
        <source>Choose a base model to see the estimated cost.</source>
        <translation>ベースモデルを選ぶと、費用の見積もりが表示されます。</translation>
    </message>
    <message>
        <source>Choose the training examples to see the estimated cost.</source>
        <translation>学習用の例を選ぶと、費用の見積もりが表示されます。</translation>
    </message>
    <message>
        <source>Estimated cost: not known yet. %1</source>
        <translation>費用の見積もり: まだ不明です。%1</translation>
    </message>
    <message>
        <source>%1 examples × %2 epochs: %3 tokens billed</source>
        <translation>例 %1件 × %2エポック: 課金対象 %3トークン</translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimated cost: %1&lt;/b&gt; (%2 at %3 per million tokens). The service bills what it actually trains; this is an estimate.</source>
        <translation>&lt;b&gt;費用の見積もり: %1&lt;/b&gt; (%2、100万トークンあたり %3)。サービスは実際に学習した分を請求するため、これは見積もりです。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimated cost: unknown&lt;/b&gt;: the price of %1 is not in the price table (%2).</source>
        <translation>&lt;b&gt;費用の見積もり: 不明&lt;/b&gt;: %1 の価格が価格表にありません (%2)。</translation>
    </message>
    <message>
        <source>With automatic epochs the service may choose differently.</source>
        <translation>エポック数が「自動」の場合、サービスが異なる値を選ぶことがあります。</translation>
    </message>
    <message>
        <source>The file is too large to count here; the cost shows on the service&apos;s invoice.</source>
        <translation>ファイルが大きすぎるため、ここではトークンを数えられません。費用はサービスの請求書で確認できます。</translation>
    </message>
    <message>
        <source>The file could not be read to count its tokens: %1</source>
        <translation>トークンを数えるためにファイルを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>The dataset was closed. Choose a file on the service instead.</source>
        <translation>データセットが閉じられました。代わりにサービス上のファイルを選んでください。</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>%1 をアップロードしています…</translation>
    </message>
    <message>
        <source>Uploading %1: %2 of %3</source>
        <translation>%1 をアップロードしています: %3 中 %2</translation>
    </message>
    <message>
        <source>The service is checking %1…</source>
        <translation>サービスが %1 を確認しています…</translation>
    </message>
    <message>
        <source>The open dataset could not be uploaded: %1</source>
        <translation>開いているデータセットをアップロードできませんでした: %1</translation>
    </message>
    <message>
        <source>Asking the service to start training…</source>
        <translation>サービスに学習の開始を依頼しています…</translation>
    </message>
    <message>
        <source>%1  —  %2</source>
        <translation>%1  —  %2</translation>
    </message>
    <message>
        <source>Automatic (%1 for this dataset)</source>
        <translation>自動 (このデータセットでは %1)</translation>
    </message>
    <message>
        <source>Estimate Again</source>
        <translation>もう一度見積もる</translation>
    </message>
    <message>
        <source>LoRA: trains a small add-on to the model (faster and cheaper)</source>
        <translation>LoRA: モデルに小さな追加部分を学習させます (速くて安い)</translation>
    </message>
    <message>
        <source>Full: trains the whole model (slower, costs more)</source>
        <translation>フル: モデル全体を学習させます (遅く、費用も多い)</translation>
    </message>
    <message>
        <source>Training:</source>
        <translation>学習方法:</translation>
    </message>
    <message>
        <source>Upload and show the price</source>
        <translation>アップロードして料金を表示</translation>
    </message>
    <message>
        <source>Asking %1 for the price…</source>
        <translation>%1 に料金を問い合わせています…</translation>
    </message>
    <message>
        <source>Choose a base model to see the price.</source>
        <translation>ベースモデルを選ぶと、料金が表示されます。</translation>
    </message>
    <message>
        <source>%1 states the price once the open dataset is uploaded: “Upload and show the price” sends it, then shows the price; training starts only when you press Start.</source>
        <translation>%1 は、開いているデータセットをアップロードすると料金を提示します。「アップロードして料金を表示」を押すとデータセットを送信し、料金を表示します。学習が始まるのは「学習を開始」を押したときだけです。</translation>
    </message>
    <message>
        <source>Choose the training examples to see the price.</source>
        <translation>学習用の例を選ぶと、料金が表示されます。</translation>
    </message>
    <message>
        <source>Correct the settings above to see the price.</source>
        <translation>上の設定を修正すると、料金が表示されます。</translation>
    </message>
    <message>
        <source>Retiring: %1; this model %2, and its fine-tunes with it.</source>
        <extracomment>%1 e.g. &quot;new fine-tuning stops on 6 Jan 2027 — in 30 days&quot;, %2 e.g. &quot;stops answering on 14 Jan 2027 — in 38 days&quot; (a model trained now stops answering then too)</extracomment>
        <translation>提供終了予定: %1。このモデルは%2 (ファインチューニングしたモデルも同様です)。</translation>
    </message>
</context>
<context>
    <name>fs::ui::PaneWidget</name>
    <message>
        <source>Remove this pane</source>
        <translation>この枠を削除</translation>
    </message>
    <message>
        <source>The answers of this model appear here, word by word, as they arrive.</source>
        <translation>このモデルの回答が、届いた順に少しずつここに表示されます。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Stop this answer (Esc stops all)</source>
        <translation>この回答を中止します (Esc ですべて中止)</translation>
    </message>
    <message>
        <source>Copy Answer</source>
        <translation>回答をコピー</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>中止しました。</translation>
    </message>
    <message>
        <source>Waiting for the first word…</source>
        <translation>最初の文字を待っています…</translation>
    </message>
    <message>
        <source>first word after %1 s</source>
        <translation>最初の文字まで%1秒</translation>
    </message>
    <message>
        <source>done in %1 s</source>
        <translation>%1秒で完了</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1トークン/秒</translation>
    </message>
    <message>
        <source>%1 tokens in, %2 out</source>
        <translation>入力 %1トークン、出力 %2トークン</translation>
    </message>
    <message>
        <source>Deploy to Try It…</source>
        <translation>デプロイして試す…</translation>
    </message>
    <message>
        <source>Deployed: running for %1</source>
        <translation>デプロイ済み: 稼働時間 %1</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>これまでの費用 %1</translation>
    </message>
    <message>
        <source>($%1/hour)</source>
        <translation>(1時間あたり $%1)</translation>
    </message>
    <message>
        <source>Stop Deployment</source>
        <translation>デプロイを停止</translation>
    </message>
    <message>
        <source>Deploying: %1, waited %2. This pane answers once it runs.</source>
        <translation>デプロイ中: %1、待ち時間 %2。実行が始まると、このペインで回答します。</translation>
    </message>
    <message>
        <source>Show Progress…</source>
        <translation>進行状況を表示…</translation>
    </message>
    <message>
        <source>This fine-tuned model must be deployed before it answers: it runs on hardware of its own, billed by the minute while it runs.</source>
        <translation>このファインチューニング済みモデルが回答するには、先にデプロイする必要があります。モデルは専用のハードウェア上で実行され、実行中は1分単位で課金されます。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>停止しています…</translation>
    </message>
    <message>
        <source>This model %1.</source>
        <translation>このモデルは%1。</translation>
    </message>
</context>
<context>
    <name>fs::ui::ParametersWidget</name>
    <message>
        <source>Show or hide how this model picks its words</source>
        <translation>このモデルが言葉を選ぶ方法の設定を表示または非表示にします</translation>
    </message>
    <message>
        <source>default</source>
        <translation>既定</translation>
    </message>
    <message>
        <source>Higher values make answers more varied, lower values more predictable (0–2).</source>
        <translation>値が大きいほど回答が多様になり、小さいほど予測しやすくなります (0〜2)。</translation>
    </message>
    <message>
        <source>Only the most likely words that together make up this share are considered (0–1). Change this or temperature, not both.</source>
        <translation>可能性の高い単語から順に、合計がこの割合に達するまでの単語だけを候補にします (0〜1)。これと温度は、どちらか一方だけを変更してください。</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>制限なし</translation>
    </message>
    <message>
        <source>The answer is cut off after this many tokens.</source>
        <translation>回答はこのトークン数で打ち切られます。</translation>
    </message>
    <message>
        <source>random</source>
        <translation>ランダム</translation>
    </message>
    <message>
        <source>The same seed and settings give the same answer more often.</source>
        <translation>シードと設定が同じなら、同じ回答になりやすくなります。</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>温度:</translation>
    </message>
    <message>
        <source>Top p:</source>
        <translation>Top p:</translation>
    </message>
    <message>
        <source>Longest answer (tokens):</source>
        <translation>回答の最大長 (トークン):</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>シード:</translation>
    </message>
    <message>
        <source>temperature %1</source>
        <translation>温度 %1</translation>
    </message>
    <message>
        <source>top p %1</source>
        <translation>top p %1</translation>
    </message>
    <message>
        <source>at most %1 tokens</source>
        <translation>最大 %1トークン</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>シード %1</translation>
    </message>
    <message>
        <source>Settings: defaults</source>
        <translation>設定: 既定</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>設定: %1</translation>
    </message>
</context>
<context>
    <name>fs::ui::ParityDialog</name>
    <message>
        <source>Use These</source>
        <translation>これを使用</translation>
    </message>
    <message>
        <source>Parity Check</source>
        <translation>同等性チェック</translation>
    </message>
    <message>
        <source>Is the new model as good as the old one? The prompts go to both; each new answer is compared with the old model&apos;s (ROUGE), you rate some of them without knowing which is which, and a one-page report is saved beside the prompts file.</source>
        <translation>新しいモデルは元のモデルと同等でしょうか? プロンプトを両方に送り、新しい回答をそれぞれ元のモデルの回答と比較します (ROUGE)。また、どちらのモデルの回答かを伏せた状態で一部を評価していただき、1ページのレポートをプロンプトのファイルと同じ場所に保存します。</translation>
    </message>
    <message>
        <source>A chat file (.jsonl): each example up to its last answer</source>
        <translation>チャットファイル (.jsonl): 各例の最後の回答の手前まで</translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation>ファイルを選択…</translation>
    </message>
    <message>
        <source>Old model:</source>
        <translation>元のモデル:</translation>
    </message>
    <message>
        <source>New model:</source>
        <translation>新しいモデル:</translation>
    </message>
    <message>
        <source>Prompts:</source>
        <translation>プロンプト:</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>Chat examples (*.jsonl);;All files (*)</source>
        <translation>チャットの例 (*.jsonl);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose two different models.</source>
        <translation>異なるモデルを2つ選んでください。</translation>
    </message>
</context>
<context>
    <name>fs::ui::ParityPanel</name>
    <message>
        <source>Run the Check</source>
        <translation>チェックを実行</translation>
    </message>
    <message>
        <source>Write the Report</source>
        <translation>レポートを作成</translation>
    </message>
    <message>
        <source>Open the Report</source>
        <translation>レポートを開く</translation>
    </message>
    <message>
        <source>Answer A</source>
        <translation>回答A</translation>
    </message>
    <message>
        <source>Answer B</source>
        <translation>回答B</translation>
    </message>
    <message>
        <source>A Is Better (1)</source>
        <translation>Aのほうがよい (1)</translation>
    </message>
    <message>
        <source>B Is Better (2)</source>
        <translation>Bのほうがよい (2)</translation>
    </message>
    <message>
        <source>Equally Good (3)</source>
        <translation>同じくらいよい (3)</translation>
    </message>
    <message>
        <source>Both Are Bad (4)</source>
        <translation>どちらもよくない (4)</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>%1 に問い合わせています…</translation>
    </message>
    <message>
        <source>%1 of %2 held-out prompts were answered before; the check goes on with the rest.</source>
        <translation>取り分けたプロンプト%2件のうち%1件は回答済みです。残りのプロンプトでチェックを続けます。</translation>
    </message>
    <message>
        <source>%1 prompts will be sent to %2 and to %3, and each answer of %3 compared with the answer of %2.</source>
        <translation>%1件のプロンプトを %2 と %3 に送信し、%3 の各回答を %2 の回答と比較します。</translation>
    </message>
    <message>
        <source>%1 held-out prompts will be sent to %2, and each answer compared with %3&apos;s.</source>
        <translation>取り分けたプロンプト%1件を %2 に送信し、各回答を %3 の回答と比較します。</translation>
    </message>
    <message>
        <source>Stopped. %1 of %2 answers are kept; run the check again to go on.</source>
        <translation>中止しました。%2件中%1件の回答は保存されています。続けるには、もう一度チェックを実行してください。</translation>
    </message>
    <message>
        <source>Run Again</source>
        <translation>再実行</translation>
    </message>
    <message>
        <source>Blind round done: %1 answers rated. Write the report to see the verdict.</source>
        <translation>ブラインド評価が完了しました: %1件の回答を評価しました。レポートを作成すると、判定結果を確認できます。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Blind round %1 of %2&lt;/b&gt;: which answer is better?</source>
        <translation>&lt;b&gt;ブラインド評価 %1/%2&lt;/b&gt;: どちらの回答がよいですか?</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>プロンプト: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;The report is saved as %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;レポートは %3 に保存されました。</translation>
    </message>
    <message>
        <source>%1 answers in, ROUGE-L %2 on average (1 is word for word the same as the old answer). Now rate some answers without knowing which model wrote them (optional), then write the report.</source>
        <translation>%1 件の回答が届きました。ROUGE-L の平均は %2 です (1 は古い回答と一語一句同じ)。次に、どちらのモデルの回答かを伏せていくつかの回答を評価し (任意)、レポートを作成してください。</translation>
    </message>
</context>
<context>
    <name>fs::ui::ParityWizardPage</name>
    <message>
        <source>Stop the Deployment</source>
        <translation>デプロイを停止</translation>
    </message>
    <message>
        <source>The old model is not asked again: its captured answers are compared with the new model&apos;s.</source>
        <translation>古いモデルにはもう一度問い合わせません。収集済みの回答を新しいモデルの回答と比較します。</translation>
    </message>
    <message>
        <source>%1 still runs on %2&apos;s hardware for trying it, billed by the minute (View → Deployments… lists it; it stops by itself when idle). Stop it when you are done; you can deploy it again at any time.</source>
        <translation>%1 は試用のために %2 のハードウェアで動作中で、分単位で課金されます (表示 → デプロイ一覧… に表示され、使われていないと自動的に停止します)。使い終わったら停止してください。いつでも再びデプロイできます。</translation>
    </message>
</context>
<context>
    <name>fs::ui::PlaygroundArea</name>
    <message>
        <source>Playground</source>
        <translation>プレイグラウンド</translation>
    </message>
    <message>
        <source>%1 (training loss %2)</source>
        <translation>%1 (学習損失 %2)</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>並べて比較</translation>
    </message>
    <message>
        <source>Ask several models the same thing and read the answers side by side</source>
        <translation>複数のモデルに同じ質問をして、回答を並べて読み比べます</translation>
    </message>
    <message>
        <source>Blind Rating</source>
        <translation>ブラインド評価</translation>
    </message>
    <message>
        <source>Rate two models&apos; answers without knowing which is which</source>
        <translation>どちらのモデルか分からない状態で、2つのモデルの回答を評価します</translation>
    </message>
    <message>
        <source>Score on Examples</source>
        <translation>例で採点</translation>
    </message>
    <message>
        <source>Compare models on a whole validation file, scored with ROUGE</source>
        <translation>検証用ファイル全体でモデルを比較し、ROUGE で採点します</translation>
    </message>
    <message>
        <source>Ca&amp;pture Answers…</source>
        <translation>回答を収集(&amp;P)…</translation>
    </message>
    <message>
        <source>Keep a model&apos;s answers to a set of prompts as a dataset</source>
        <translation>一連のプロンプトに対するモデルの回答をデータセットとして保存します</translation>
    </message>
</context>
<context>
    <name>fs::ui::PlaygroundConnections</name>
    <message>
        <source>This connection no longer exists.</source>
        <translation>この接続はもう存在しません。</translation>
    </message>
    <message>
        <source>%1 — the same as the final model</source>
        <translation>%1 — 完成したモデルと同じ</translation>
    </message>
</context>
<context>
    <name>fs::ui::PracticeBadge</name>
    <message>
        <source>Practice answer — simulated by the built-in sandbox</source>
        <translation>練習用の回答 — 内蔵のサンドボックスによるシミュレーションです</translation>
    </message>
    <message>
        <source>The sandbox is a practice service built into Finetune Studio. It costs nothing and only pretends to train and answer: its answers are put together from your training examples, not written by a real model. To try a real model, add a connection under Connection → Manage Connections….</source>
        <translation>サンドボックスは Finetune Studio に内蔵された練習用サービスです。費用はかからず、学習も回答も模擬的に行うだけです。回答は本物のモデルが書いたものではなく、学習用の例を組み合わせて作られています。本物のモデルを試すには、「接続 → 接続の管理…」で接続を追加してください。</translation>
    </message>
</context>
<context>
    <name>fs::ui::PriceTableDialog</name>
    <message>
        <source>your prices</source>
        <translation>ご自分で設定した価格</translation>
    </message>
    <message>
        <source>Training Prices</source>
        <translation>学習の価格</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>USD per million tokens</source>
        <translation>100万トークンあたり (米ドル)</translation>
    </message>
    <message>
        <source>Built-in price</source>
        <translation>内蔵の価格</translation>
    </message>
    <message>
        <source>OpenAI&apos;s published prices of May 2026</source>
        <translation>OpenAIが2026年5月に公開した価格</translation>
    </message>
    <message>
        <source>What training costs per million tokens, in US dollars. The built-in prices are OpenAI&apos;s, as published in May 2026. Check the current prices and correct them here if yours differ.</source>
        <translation>学習にかかる費用(100万トークンあたり、米ドル)です。内蔵の価格はOpenAIが2026年5月に公開したものです。最新の価格を確認し、異なる場合はここで修正してください。</translation>
    </message>
</context>
<context>
    <name>fs::ui::RecoveryDialog</name>
    <message>
        <source>Example %1 changed</source>
        <translation>例 %1 を変更</translation>
    </message>
    <message>
        <source>Example %1 added</source>
        <translation>例 %1 を追加</translation>
    </message>
    <message>
        <source>Example %1 of the saved file deleted</source>
        <translation>保存済みファイルの例 %1 を削除</translation>
    </message>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>未保存の作業の復元</translation>
    </message>
    <message>
        <source>an untitled dataset</source>
        <translation>無題のデータセット</translation>
    </message>
    <message>
        <source>Finetune Studio closed before your changes to %1 were saved. Do you want them back?</source>
        <translation>%1 への変更が保存される前に Finetune Studio が終了しました。変更を復元しますか?</translation>
    </message>
    <message>
        <source>Autosaved today at %1.</source>
        <translation>今日の %1 に自動保存されました。</translation>
    </message>
    <message>
        <source>Autosaved on %1 at %2.</source>
        <translation>%1 の %2 に自動保存されました。</translation>
    </message>
    <message>
        <source>Show the Differences</source>
        <translation>違いを表示</translation>
    </message>
    <message>
        <source>…and %1 more</source>
        <translation>…ほか%1件</translation>
    </message>
    <message>
        <source>Hide the Differences</source>
        <translation>違いを隠す</translation>
    </message>
    <message>
        <source>Recovered work opens as unsaved changes: save to keep it in the file, or close the dataset without saving to drop it.</source>
        <translation>復元した作業は、未保存の変更として開きます。ファイルに残すには保存してください。不要な場合は、保存せずにデータセットを閉じてください。</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Delete the unsaved changes for good</source>
        <translation>未保存の変更を完全に削除します</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>後で</translation>
    </message>
    <message>
        <source>Keep the unsaved changes and ask again next time</source>
        <translation>未保存の変更を残し、次回もう一度確認します</translation>
    </message>
</context>
<context>
    <name>fs::ui::RetirementBanner</name>
    <message>
        <source>“%1” (connection “%2”) %3. Capture its answers before then to keep how it answers.</source>
        <extracomment>%1 the model in plain words, %2 the connection&apos;s name, %3 e.g. &quot;stops answering on 14 Jan 2027 — in 39 days&quot;</extracomment>
        <translation>「%1」(接続「%2」) は%3。その前に回答を収集しておくと、このモデルの答え方を残せます。</translation>
    </message>
    <message>
        <source>A model you trained is retiring</source>
        <translation>学習させたモデルの提供が終了します</translation>
    </message>
    <message>
        <source>Models you trained are retiring</source>
        <translation>学習させた複数のモデルの提供が終了します</translation>
    </message>
    <message>
        <source>%1
Source: %2</source>
        <translation>%1
出典: %2</translation>
    </message>
    <message>
        <source>Keep This Model’s Behaviour…</source>
        <translation>このモデルの振る舞いを残す…</translation>
    </message>
    <message>
        <source>Capture the model&apos;s answers as a dataset, to train a new model that answers the same way</source>
        <translation>モデルの回答をデータセットとして収集し、同じように答える新しいモデルを学習させます</translation>
    </message>
    <message>
        <source>Remind Me Later</source>
        <translation>後で通知</translation>
    </message>
    <message>
        <source>Hide this for %1 days</source>
        <translation>%1日間表示しない</translation>
    </message>
    <message>
        <source>One more model retires soon; it shows here when one of these is put off.</source>
        <translation>ほかにもまもなく提供が終了するモデルが1つあります。ここに表示されているものを後回しにすると表示されます。</translation>
    </message>
    <message>
        <source>%1 more models retire soon; they show here when these are put off.</source>
        <translation>ほかにもまもなく提供が終了するモデルが%1個あります。ここに表示されているものを後回しにすると表示されます。</translation>
    </message>
</context>
<context>
    <name>fs::ui::SideBySidePage</name>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Start a new conversation with the same models</source>
        <translation>同じモデルで新しい会話を始めます</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <source>Open a saved comparison</source>
        <translation>保存した比較を開きます</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the models, settings and conversation (never the API keys)</source>
        <translation>モデル、設定、会話を保存します (APIキーは保存しません)</translation>
    </message>
    <message>
        <source>Add Model</source>
        <translation>モデルを追加</translation>
    </message>
    <message>
        <source>Compare up to four models at once</source>
        <translation>最大4つのモデルを同時に比較できます</translation>
    </message>
    <message>
        <source>Instructions for every model (system prompt)</source>
        <translation>すべてのモデルへの指示 (システムプロンプト)</translation>
    </message>
    <message>
        <source>Optional: how every model should behave, e.g. &quot;You are a friendly support assistant of a lamp shop.&quot;</source>
        <translation>任意: すべてのモデルのふるまい。例:「あなたは照明器具店の親切なサポートアシスタントです。」</translation>
    </message>
    <message>
        <source>Write a message to all models. Ctrl+Return sends it.</source>
        <translation>すべてのモデルへのメッセージを入力してください。Ctrl+Return で送信します。</translation>
    </message>
    <message>
        <source>Send to All</source>
        <translation>すべてに送信</translation>
    </message>
    <message>
        <source>Send the message to every model (Ctrl+Return)</source>
        <translation>すべてのモデルにメッセージを送信します (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Stop All</source>
        <translation>すべて中止</translation>
    </message>
    <message>
        <source>Stop every answer (Esc)</source>
        <translation>すべての回答を中止します (Esc)</translation>
    </message>
    <message>
        <source>Choose a model in each pane, then write a message.</source>
        <translation>各枠でモデルを選んでから、メッセージを入力してください。</translation>
    </message>
    <message>
        <source>Answering… press Esc to stop.</source>
        <translation>回答しています… Esc で中止できます。</translation>
    </message>
    <message>
        <source>Choose a model in at least one pane first.</source>
        <translation>先に、少なくとも1つの枠でモデルを選んでください。</translation>
    </message>
    <message>
        <source>Playground sessions (*.json)</source>
        <translation>プレイグラウンドのセッション (*.json)</translation>
    </message>
    <message>
        <source>Save Comparison</source>
        <translation>比較の保存</translation>
    </message>
    <message>
        <source>Open Comparison</source>
        <translation>比較を開く</translation>
    </message>
    <message>
        <source>The comparison could not be saved.</source>
        <translation>比較を保存できませんでした。</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>%1 に保存しました。</translation>
    </message>
    <message>
        <source>This file is not a saved comparison.</source>
        <translation>このファイルは保存された比較ではありません。</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>%1 を開きました。</translation>
    </message>
</context>
<context>
    <name>fs::ui::SignInDialog</name>
    <message>
        <source>Sign In with Microsoft</source>
        <translation>Microsoft でサインイン</translation>
    </message>
    <message>
        <source>&lt;p&gt;Deployments on Azure are made with your Microsoft account, not with the API key of “%1”. Sign in once: the app keeps the sign-in in the system keychain and renews it by itself.&lt;/p&gt;&lt;p&gt;Type this code on Microsoft’s sign-in page:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Azure でのデプロイには、「%1」のAPIキーではなく Microsoft アカウントを使います。サインインは一度だけで済みます。アプリはサインイン情報をシステムのキーチェーンに保存し、自動で更新します。&lt;/p&gt;&lt;p&gt;Microsoft のサインインページで次のコードを入力してください:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy Code</source>
        <translation>コードをコピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open Sign-in Page</source>
        <translation>サインインページを開く(&amp;O)</translation>
    </message>
    <message>
        <source>Copies the code and opens Microsoft’s sign-in page in your browser</source>
        <translation>コードをコピーして、ブラウザーで Microsoft のサインインページを開きます</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>再試行(&amp;T)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
</context>
<context>
    <name>fs::ui::SplitWizardPage</name>
    <message>
        <source>Keep back for the check:</source>
        <translation>チェック用に取り分ける割合:</translation>
    </message>
    <message>
        <source>The captured answers are checked like any training file (a service refuses a file with errors). Then they are split: the larger part trains the new model, the part kept back is never trained on — the new model answers those prompts in the parity check, and its answers are compared with the old model&apos;s.</source>
        <translation>収集した回答は、通常の学習ファイルと同じように検査されます (エラーがあるファイルはサービスに拒否されます)。その後、回答を分割します。大きいほうは新しいモデルの学習に使い、取り分けた部分は学習には使いません。新しいモデルは同等性チェックでそのプロンプトに回答し、その回答を元のモデルの回答と比較します。</translation>
    </message>
    <message>
        <source>%1 answered examples in %2.</source>
        <translation>%2 に回答済みの例が%1件あります。</translation>
    </message>
</context>
<context>
    <name>fs::ui::StatisticsPanel</name>
    <message>
        <source>Model to fine-tune</source>
        <translation>ファインチューニングするモデル</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>How many times the model goes through the examples. Automatic chooses as the service does.</source>
        <translation>モデルが例全体を学習する回数です。「自動」を選ぶと、サービスと同じ方法で決まります。</translation>
    </message>
    <message>
        <source>Prices…</source>
        <translation>価格…</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>例の数:</translation>
    </message>
    <message>
        <source>Messages per example:</source>
        <translation>例ごとのメッセージ数:</translation>
    </message>
    <message>
        <source>Tokens per example:</source>
        <translation>例ごとのトークン数:</translation>
    </message>
    <message>
        <source>Too long for the model:</source>
        <translation>モデルには長すぎる例:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>モデル:</translation>
    </message>
    <message>
        <source>Passes (epochs):</source>
        <translation>学習回数 (エポック):</translation>
    </message>
    <message>
        <source>Passes used:</source>
        <translation>使用する学習回数:</translation>
    </message>
    <message>
        <source>Tokens billed:</source>
        <translation>課金対象のトークン:</translation>
    </message>
    <message>
        <source>Estimated cost:</source>
        <translation>費用の見積もり:</translation>
    </message>
    <message>
        <source>%1 to %2, typically %3</source>
        <translation>%1〜%2、通常 %3</translation>
    </message>
    <message>
        <source>not counted yet</source>
        <translation>未集計</translation>
    </message>
    <message>
        <source>%1 to %2, typically %3; %4 in all</source>
        <translation>%1〜%2、通常 %3 (合計 %4)</translation>
    </message>
    <message>
        <source>(%1 of %2 examples counted so far)</source>
        <translation>(これまでに%2件中%1件を集計)</translation>
    </message>
    <message>
        <source>none (the limit is %1 tokens)</source>
        <translation>なし (上限は%1トークン)</translation>
    </message>
    <message>
        <source>%1 examples over %2 tokens will be cut short</source>
        <translation>%2トークンを超える%1件の例は途中で切り捨てられます</translation>
    </message>
    <message>
        <source>%1 (%2 per pass)</source>
        <translation>%1 (1回あたり %2)</translation>
    </message>
    <message>
        <source>unknown: no price for this model (set one with Prices…)</source>
        <translation>不明: このモデルの価格がありません (「価格…」で設定できます)</translation>
    </message>
    <message>
        <source>At $%1 per million training tokens (%2).</source>
        <translation>学習トークン100万あたり $%1 (%2)</translation>
    </message>
    <message>
        <source>Tokens per example</source>
        <translation>例ごとのトークン数</translation>
    </message>
    <message>
        <source>Tokens the model learns from, per example</source>
        <translation>例ごとの、モデルが学習するトークン数</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>例</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>例の数</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>トークン数</translation>
    </message>
</context>
<context>
    <name>fs::ui::StorageArea</name>
    <message>
        <source>Buckets</source>
        <translation>バケット</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No storage connection yet&lt;/h3&gt;&lt;p&gt;Add a storage connection such as Cloudflare R2, Amazon S3 or MinIO to browse a bucket, open a dataset stored there in the editor, save your dataset to it, and send a file straight to the fine-tuning service.&lt;/p&gt;&lt;p&gt;You need the endpoint, the bucket&apos;s name and an API token (access key ID and secret access key).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ストレージ接続はまだありません&lt;/h3&gt;&lt;p&gt;Cloudflare R2、Amazon S3、MinIO などのストレージ接続を追加すると、バケットの中身を見たり、そこに保存されたデータセットをエディターで開いたり、データセットをバケットに保存したり、ファイルをファインチューニングサービスに直接送信したりできます。&lt;/p&gt;&lt;p&gt;必要なのは、エンドポイント、バケット名、APIトークン (アクセスキーIDとシークレットアクセスキー) です。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add Storage Connection…</source>
        <translation>ストレージ接続を追加…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <source>Storage:</source>
        <translation>ストレージ:</translation>
    </message>
    <message>
        <source>Up one folder</source>
        <translation>1つ上のフォルダーへ</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>更新日時</translation>
    </message>
    <message>
        <source>Open in Dataset Editor</source>
        <translation>データセットエディターで開く</translation>
    </message>
    <message>
        <source>Save Dataset to Bucket…</source>
        <translation>データセットをバケットに保存…</translation>
    </message>
    <message>
        <source>Send for Training</source>
        <translation>学習用に送信</translation>
    </message>
    <message>
        <source>Send as Training File</source>
        <translation>学習用ファイルとして送信</translation>
    </message>
    <message>
        <source>Send as Validation File</source>
        <translation>検証用ファイルとして送信</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>The secret access key of &quot;%1&quot; is not saved. Choose Edit… and enter it again.</source>
        <translation>「%1」のシークレットアクセスキーが保存されていません。「編集…」を選んで、もう一度入力してください。</translation>
    </message>
    <message>
        <source>The secret access key could not be read from the keychain: %1</source>
        <translation>シークレットアクセスキーをキーチェーンから読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>The bucket cannot be shown without the secret access key.</source>
        <translation>シークレットアクセスキーがないと、バケットを表示できません。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込んでいます…</translation>
    </message>
    <message>
        <source>Check the connection with Edit…, then choose Refresh.</source>
        <translation>「編集…」で接続を確認してから、「更新」を選んでください。</translation>
    </message>
    <message>
        <source>This bucket is empty. Open a dataset in the Datasets area and choose &quot;Save Dataset to Bucket…&quot; to put it here.</source>
        <translation>このバケットは空です。ここに置くには、「データセット」エリアでデータセットを開き、「データセットをバケットに保存…」を選んでください。</translation>
    </message>
    <message>
        <source>This folder is empty.</source>
        <translation>このフォルダーは空です。</translation>
    </message>
    <message>
        <source>Open a dataset in the Datasets area first.</source>
        <translation>先に「データセット」エリアでデータセットを開いてください。</translation>
    </message>
    <message>
        <source>Storage Connection</source>
        <translation>ストレージ接続</translation>
    </message>
    <message>
        <source>The secret access key could not be saved, so the connection was not added.</source>
        <translation>シークレットアクセスキーを保存できなかったため、接続は追加されませんでした。</translation>
    </message>
    <message>
        <source>The secret access key could not be saved.</source>
        <translation>シークレットアクセスキーを保存できませんでした。</translation>
    </message>
    <message>
        <source>Remove Storage Connection</source>
        <translation>ストレージ接続の削除</translation>
    </message>
    <message>
        <source>Remove the storage connection &quot;%1&quot;?</source>
        <translation>ストレージ接続「%1」を削除しますか?</translation>
    </message>
    <message>
        <source>The bucket and its contents stay as they are; only this app forgets the connection and its secret.</source>
        <translation>バケットとその中身はそのまま残ります。このアプリが接続とそのシークレットを忘れるだけです。</translation>
    </message>
    <message>
        <source>The bucket answers: the connection works.</source>
        <translation>バケットから応答がありました。接続は正常です。</translation>
    </message>
    <message>
        <source>The connection does not work yet.</source>
        <translation>接続はまだ使えません。</translation>
    </message>
    <message>
        <source>%1 %2 of %3 · %4/s</source>
        <translation>%1 %3 中 %2 · %4/秒</translation>
    </message>
    <message>
        <source>The download could not be written to %1: %2</source>
        <translation>ダウンロードしたデータを %1 に書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>Downloading &quot;%1&quot;:</source>
        <translation>「%1」をダウンロードしています:</translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation>ダウンロードはキャンセルされました。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be downloaded: %2</source>
        <translation>「%1」をダウンロードできませんでした: %2</translation>
    </message>
    <message>
        <source>Downloaded &quot;%1&quot;; it opens in the dataset editor.</source>
        <translation>「%1」をダウンロードしました。データセットエディターで開きます。</translation>
    </message>
    <message>
        <source>Save Dataset to Bucket</source>
        <translation>データセットをバケットに保存</translation>
    </message>
    <message>
        <source>Name in the bucket (use &quot;/&quot; for folders):</source>
        <translation>バケット内の名前 (フォルダーは「/」で区切ります):</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already in the bucket. Replace it?</source>
        <translation>「%1」はすでにバケットにあります。置き換えますか?</translation>
    </message>
    <message>
        <source>Uploading &quot;%1&quot;:</source>
        <translation>「%1」をアップロードしています:</translation>
    </message>
    <message>
        <source>The upload was cancelled; the bucket is unchanged.</source>
        <translation>アップロードはキャンセルされました。バケットは変更されていません。</translation>
    </message>
    <message>
        <source>The dataset could not be saved to the bucket: %1</source>
        <translation>データセットをバケットに保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Saved the dataset to the bucket as &quot;%1&quot; (%2).</source>
        <translation>データセットを「%1」としてバケットに保存しました (%2)。</translation>
    </message>
    <message>
        <source>There is no fine-tuning connection to send to.</source>
        <translation>送信先のファインチューニング接続がありません。</translation>
    </message>
    <message>
        <source>Choose a connection in the Connection menu first.</source>
        <translation>先に「接続」メニューで接続を選んでください。</translation>
    </message>
    <message>
        <source>validation file</source>
        <translation>検証用ファイル</translation>
    </message>
    <message>
        <source>training file</source>
        <translation>学習用ファイル</translation>
    </message>
    <message>
        <source>Sending &quot;%1&quot; as %2…</source>
        <translation>「%1」を%2として送信しています…</translation>
    </message>
    <message>
        <source>Sending &quot;%1&quot; was cancelled.</source>
        <translation>「%1」の送信はキャンセルされました。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be sent: %2</source>
        <translation>「%1」を送信できませんでした: %2</translation>
    </message>
    <message>
        <source>ready for training</source>
        <translation>学習に使用できます</translation>
    </message>
    <message>
        <source>the service could not use it: %1</source>
        <translation>サービスで使用できませんでした: %1</translation>
    </message>
    <message>
        <source>the service is still checking it</source>
        <translation>サービスがまだ確認しています</translation>
    </message>
    <message>
        <source>Sent &quot;%1&quot; as %2 %3: %4.</source>
        <translation>「%1」を%2 %3 として送信しました: %4。</translation>
    </message>
    <message>
        <source>Delete from Bucket</source>
        <translation>バケットから削除</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; from the bucket?</source>
        <translation>「%1」をバケットから削除しますか?</translation>
    </message>
    <message>
        <source>This cannot be undone. Files already sent to the fine-tuning service stay there.</source>
        <translation>この操作は元に戻せません。すでにファインチューニングサービスに送信したファイルはそのまま残ります。</translation>
    </message>
    <message>
        <source>Deleting &quot;%1&quot;…</source>
        <translation>「%1」を削除しています…</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be deleted: %2</source>
        <translation>「%1」を削除できませんでした: %2</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot; from the bucket.</source>
        <translation>「%1」をバケットから削除しました。</translation>
    </message>
    <message>
        <source>This practice bucket is part of the built-in sandbox on this computer: it costs nothing and nothing leaves the computer. Select a sample and choose &quot;Send for Training&quot;, or open it in the dataset editor.</source>
        <translation>この練習用バケットは、このコンピューター上の内蔵サンドボックスの一部です。費用はかからず、データがこのコンピューターの外に出ることもありません。サンプルを選んで「学習用に送信」を選ぶか、データセットエディターで開いてください。</translation>
    </message>
    <message>
        <source>The practice bucket is built in: it cannot be changed or removed.</source>
        <translation>練習用バケットは内蔵されているため、変更や削除はできません。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>fs::ui::StorageConnectionDialog</name>
    <message>
        <source>Storage Connection</source>
        <translation>ストレージ接続</translation>
    </message>
    <message>
        <source>Connect a bucket in S3-compatible storage such as Cloudflare R2, Amazon S3 or MinIO. You find these values where you created the bucket&apos;s API token (in R2: &quot;Manage R2 API Tokens&quot;).</source>
        <translation>S3互換ストレージ (Cloudflare R2、Amazon S3、MinIO など) のバケットに接続します。これらの値は、バケットのAPIトークンを作成した画面で確認できます (R2 では「Manage R2 API Tokens」)。</translation>
    </message>
    <message>
        <source>e.g. Training data (R2)</source>
        <translation>例: 学習データ (R2)</translation>
    </message>
    <message>
        <source>auto (R2), or e.g. us-east-1</source>
        <translation>auto (R2)、または us-east-1 など</translation>
    </message>
    <message>
        <source>the bucket&apos;s name only</source>
        <translation>バケット名のみ</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>エンドポイント(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>リージョン(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Bucket:</source>
        <translation>バケット(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Access key ID:</source>
        <translation>アクセスキーID(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation>シークレットアクセスキー(&amp;S):</translation>
    </message>
    <message>
        <source>The secret is kept in this computer&apos;s keychain.</source>
        <translation>シークレットはこのコンピューターのキーチェーンに保存されます。</translation>
    </message>
    <message>
        <source>saved; type to replace it</source>
        <translation>保存済み (置き換えるには入力してください)</translation>
    </message>
    <message>
        <source>Enter the secret access key.</source>
        <translation>シークレットアクセスキーを入力してください。</translation>
    </message>
</context>
<context>
    <name>fs::ui::SystemPromptDialog</name>
    <message>
        <source>Set the System Message</source>
        <translation>システムメッセージの設定</translation>
    </message>
    <message>
        <source>The system message tells the model who it is and how to answer. It replaces the first system message of each example, or is added at the top where there is none.</source>
        <translation>システムメッセージは、モデルの役割と答え方を指示します。各例の最初のシステムメッセージを置き換えます。システムメッセージがない例では、先頭に追加されます。</translation>
    </message>
    <message>
        <source>System message</source>
        <translation>システムメッセージ</translation>
    </message>
    <message>
        <source>Every example (%1)</source>
        <translation>すべての例 (%1)</translation>
    </message>
    <message>
        <source>Only the selected examples (%1)</source>
        <translation>選択した例のみ (%1)</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>fs::ui::TargetSelector</name>
    <message>
        <source>Where this model runs</source>
        <translation>このモデルを実行する場所</translation>
    </message>
    <message>
        <source>The model that answers</source>
        <translation>回答するモデル</translation>
    </message>
    <message>
        <source>Loading models…</source>
        <translation>モデルを読み込んでいます…</translation>
    </message>
    <message>
        <source>This connection offers no models</source>
        <translation>この接続で使えるモデルはありません</translation>
    </message>
    <message>
        <source>No models</source>
        <translation>モデルなし</translation>
    </message>
</context>
<context>
    <name>fs::ui::TargetWizardPage</name>
    <message>
        <source>Use the nearest allowed value where a setting is out of range</source>
        <translation>設定が範囲外の場合は、最も近い許容値を使う</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <source>On the new service</source>
        <translation>新しいサービスでの値</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>接続:</translation>
    </message>
    <message>
        <source>Base model:</source>
        <translation>ベースモデル:</translation>
    </message>
    <message>
        <source>%1 examples to train on, %2 kept back for the check. Where should the new model be trained?</source>
        <translation>学習用の例が%1件、チェック用に取り分けた例が%2件あります。新しいモデルをどこで学習させますか?</translation>
    </message>
    <message>
        <source>Manage Connections…</source>
        <translation>接続の管理…</translation>
    </message>
    <message>
        <source>Every connection here is %1, like the old model&apos;s. To move to another service, add a connection to it first.</source>
        <translation>ここにある接続はすべて、古いモデルと同じ %1 のものです。別のサービスへ移行するには、まずそのサービスへの接続を追加してください。</translation>
    </message>
    <message>
        <source>To practise without an account, add a connection of the kind Together AI with the address %1 (the built-in sandbox; no key needed).</source>
        <translation>アカウントなしで練習するには、種類が Together AI でアドレスが %1 の接続を追加してください (組み込みのサンドボックスで、キーは不要です)。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>You chose this value.</source>
        <translation>この値はあなたが選びました。</translation>
    </message>
</context>
<context>
    <name>fs::ui::TrainWizardPage</name>
    <message>
        <source>Start Training</source>
        <translation>学習を開始</translation>
    </message>
    <message>
        <source>The %1 training examples go to %2, and %3 is fine-tuned on them with the settings of the last page.</source>
        <translation>%1件の学習用の例を %2 に送信し、前のページの設定で %3 をファインチューニングします。</translation>
    </message>
    <message>
        <source>Upload and Show the Price</source>
        <translation>アップロードして料金を表示</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>アップロード</translation>
    </message>
    <message>
        <source>Reading the connection…</source>
        <translation>接続を読み込んでいます…</translation>
    </message>
    <message>
        <source>Training: %1.</source>
        <translation>学習: %1。</translation>
    </message>
    <message>
        <source>Step %1 of %2.</source>
        <translation>ステップ %1/%2。</translation>
    </message>
    <message>
        <source>The check found problems in the training part.</source>
        <translation>学習用の部分に、検査で問題が見つかりました。</translation>
    </message>
    <message>
        <source>Following job %1…</source>
        <translation>ジョブ %1 を追跡しています…</translation>
    </message>
    <message>
        <source>Ready to upload %1.</source>
        <translation>%1 をアップロードする準備ができました。</translation>
    </message>
    <message>
        <source>Uploaded as %1.</source>
        <translation>%1 としてアップロードしました。</translation>
    </message>
    <message>
        <source>Asking %1 for the price…</source>
        <translation>%1 に料金を問い合わせています…</translation>
    </message>
    <message>
        <source>Job %1 started.</source>
        <translation>ジョブ %1 を開始しました。</translation>
    </message>
    <message>
        <source>Trained: %1.</source>
        <translation>学習完了: %1。</translation>
    </message>
    <message>
        <source>Cancel Training</source>
        <translation>トレーニングをキャンセル</translation>
    </message>
    <message>
        <source>Training runs on the service and goes on while this window is closed or the app is not running. Close it if you like: Tools → Move to Another Service… (or the retirement banner) opens this step again.</source>
        <translation>トレーニングはサービス上で実行され、このウィンドウを閉じてもアプリが起動していなくても続きます。閉じてもかまいません。ツール → 別のサービスへ移行… (または提供終了のバナー) からこの手順をもう一度開けます。</translation>
    </message>
    <message>
        <source>Cancel the training of job %1? What it has trained so far is lost, and you can start it again from this page.</source>
        <translation>ジョブ %1 のトレーニングをキャンセルしますか? これまでのトレーニング結果は失われます。このページから再び開始できます。</translation>
    </message>
</context>
<context>
    <name>fs::ui::TrainingExampleDialog</name>
    <message>
        <source>Add to the Dataset</source>
        <translation>データセットに追加</translation>
    </message>
    <message>
        <source>Teach the model from this comparison. The better answer is added to the open dataset; you can improve it first.</source>
        <translation>この比較をもとにモデルに学習させます。よいほうの回答が、開いているデータセットに追加されます。追加する前に回答を改善することもできます。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The message:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;メッセージ:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>The better answer:</source>
        <translation>よいほうの回答:</translation>
    </message>
    <message>
        <source>As a &amp;corrected example (message and better answer)</source>
        <translation>修正した例として追加 (メッセージとよいほうの回答)(&amp;C)</translation>
    </message>
    <message>
        <source>As a &amp;preference pair: the better answer preferred over the worse one (for DPO training)</source>
        <translation>選好ペアとして追加: よいほうの回答を悪いほうの回答より望ましいものとします (DPO 学習用)(&amp;P)</translation>
    </message>
    <message>
        <source>&lt;b&gt;The worse answer:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;悪いほうの回答:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Add Example</source>
        <translation>例を追加</translation>
    </message>
    <message>
        <source>Write the Better Answer</source>
        <translation>よりよい回答を書く</translation>
    </message>
    <message>
        <source>Both answers were bad. Write the answer the model should have given: it is added to the open dataset as a corrected example, so the model learns it.</source>
        <translation>どちらの回答もよくありませんでした。モデルが返すべきだった回答を書いてください。その回答は修正した例として開いているデータセットに追加され、モデルが学習します。</translation>
    </message>
    <message>
        <source>&amp;Your answer:</source>
        <translation>あなたの回答(&amp;Y):</translation>
    </message>
    <message>
        <source>The ideal answer to the message above</source>
        <translation>上のメッセージへの理想的な回答</translation>
    </message>
    <message>
        <source>&lt;b&gt;The answers you rated bad:&lt;/b&gt;&lt;br&gt;A: %1&lt;br&gt;B: %2</source>
        <translation>&lt;b&gt;よくないと評価した回答:&lt;/b&gt;&lt;br&gt;A: %1&lt;br&gt;B: %2</translation>
    </message>
</context>
<context>
    <name>fs::ui::TranscriptView</name>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
</context>
<context>
    <name>fs::ui::UploadRow</name>
    <message>
        <source>Upload Anyway</source>
        <translation>このままアップロード</translation>
    </message>
    <message>
        <source>Send Without Checking</source>
        <translation>検査せずに送信</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Don&apos;t wait for the check to finish. Problems in the file show up only when the service checks it.</source>
        <translation>検査の完了を待たずに送信します。ファイルに問題があっても、サービスが確認するまで分かりません。</translation>
    </message>
    <message>
        <source>Send the file although the check found errors. The service will most likely refuse it when a job starts.</source>
        <translation>検査でエラーが見つかりましたが、ファイルを送信します。ジョブの開始時に、サービスに拒否される可能性が高いです。</translation>
    </message>
    <message>
        <source>Send the rest: the parts already sent are not sent again.</source>
        <translation>残りを送信します。送信済みの部分はもう一度送信しません。</translation>
    </message>
    <message>
        <source>Remove this line from the list.</source>
        <translation>この行を一覧から削除します。</translation>
    </message>
    <message>
        <source>Hide %1</source>
        <translation>%1を非表示</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1を表示</translation>
    </message>
    <message>
        <source> and </source>
        <translation>と</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Don&apos;t Upload</source>
        <translation>アップロードしない</translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>エラー%Ln件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>警告%Ln件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::ui::WelcomeDialog</name>
    <message>
        <source>Welcome to Finetune Studio</source>
        <translation>Finetune Studio へようこそ</translation>
    </message>
    <message>
        <source>Teach a chat model to answer your way</source>
        <translation>チャットモデルに、あなたの望む答え方を教えましょう</translation>
    </message>
    <message>
        <source>Finetune Studio takes you through a fine-tune in four steps:</source>
        <translation>Finetune Studio では、4つの手順でファインチューニングを進めます:</translation>
    </message>
    <message>
        <source>Build examples</source>
        <translation>例を作る</translation>
    </message>
    <message>
        <source>Write conversations that show the answers you want, or import them (Datasets). Each one is checked as you type.</source>
        <translation>望ましい回答を示す会話を書くか、取り込みます (「データセット」)。例は入力に合わせて1件ずつ検査されます。</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>アップロードする</translation>
    </message>
    <message>
        <source>Send the examples to the fine-tuning service (Files).</source>
        <translation>例をファインチューニングサービスに送信します (「ファイル」)。</translation>
    </message>
    <message>
        <source>Train and watch</source>
        <translation>学習させて見守る</translation>
    </message>
    <message>
        <source>Start a training job and watch the chart as the model learns (Jobs).</source>
        <translation>学習ジョブを開始し、モデルが学習する様子をグラフで確認します (「ジョブ」)。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較する</translation>
    </message>
    <message>
        <source>Ask the original and your fine-tuned model the same questions, side by side (Playground).</source>
        <translation>元のモデルとファインチューニングしたモデルに同じ質問をして、回答を並べて比べます (「プレイグラウンド」)。</translation>
    </message>
    <message>
        <source>You are on the practice service</source>
        <translation>練習用サービスを使っています</translation>
    </message>
    <message>
        <source>You are connected to “%1”</source>
        <translation>「%1」に接続しています</translation>
    </message>
    <message>
        <source>The app starts on its built-in practice service, “Sandbox”. It runs on this computer, costs nothing and only pretends to train: its fine-tuned models imitate your examples rather than learn from them. Everything else works as on a real service, so you can try the whole way safely.</source>
        <translation>アプリは最初、内蔵の練習用サービス「サンドボックス」を使います。サンドボックスはこのコンピューター上で動作し、費用はかからず、学習も模擬的に行うだけです。ファインチューニングしたモデルは、例から学習するのではなく、例をまねて答えます。それ以外は本物のサービスと同じように動くので、最初から最後まで安心して試せます。</translation>
    </message>
    <message>
        <source>Jobs you start there are real and are billed by the service. The built-in practice service, “Sandbox”, is always there to try things for free: it only pretends to train.</source>
        <translation>ここで開始したジョブは実際に実行され、サービスから料金が請求されます。内蔵の練習用サービス「サンドボックス」なら、いつでも無料で試せます (学習は模擬的に行うだけです)。</translation>
    </message>
    <message>
        <source>New to fine-tuning? The guide ticks off each step as you go. You can open it, and this welcome, again from the Help menu.</source>
        <translation>ファインチューニングは初めてですか? ガイドでは、進めた手順に自動でチェックが付きます。ガイドとこの画面は、「ヘルプ」メニューからいつでも開けます。</translation>
    </message>
    <message>
        <source>Open the &amp;Guide</source>
        <translation>ガイドを開く(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Manage Connections…</source>
        <translation>接続の管理(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>始める(&amp;S)</translation>
    </message>
    <message>
        <source>To use a real service — OpenAI, Azure OpenAI, Together AI or a compatible server — choose Connection → Manage Connections… and press Add.</source>
        <translation>実際のサービス (OpenAI、Azure OpenAI、Together AI、または互換サーバー) を使うには、「接続」→「接続の管理…」を選び、「追加」を押してください。</translation>
    </message>
</context>
<context>
    <name>fs::ui::WelcomePage</name>
    <message>
        <source>Support assistant</source>
        <translation>サポートアシスタント</translation>
    </message>
    <message>
        <source>12 conversations of a lamp shop&apos;s friendly support assistant.</source>
        <translation>照明器具店の親切なサポートアシスタントとの会話12件。</translation>
    </message>
    <message>
        <source>Weather assistant with a tool</source>
        <translation>ツールを使う天気アシスタント</translation>
    </message>
    <message>
        <source>11 conversations where the assistant looks up the weather before answering.</source>
        <translation>アシスタントが天気を調べてから答える会話11件。</translation>
    </message>
    <message>
        <source>Preferred answers (DPO)</source>
        <translation>望ましい回答 (DPO)</translation>
    </message>
    <message>
        <source>12 reviews of a bakery, each with a warm answer preferred over a curt one.</source>
        <translation>パン屋へのレビュー12件。それぞれ、そっけない返信より温かい返信を望ましい回答としています。</translation>
    </message>
    <message>
        <source>Training examples</source>
        <translation>学習用の例</translation>
    </message>
    <message>
        <source>A fine-tuned model learns from example conversations. Start a new set of examples, open one you have, or try a sample.</source>
        <translation>ファインチューニングしたモデルは、会話の例から学習します。例を新しく作成するか、お持ちのデータセットを開くか、サンプルを試してみてください。</translation>
    </message>
    <message>
        <source>New Dataset</source>
        <translation>新しいデータセット</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <source>Import from a Spreadsheet…</source>
        <translation>スプレッドシートから取り込む…</translation>
    </message>
    <message>
        <source>Make examples from a CSV, TSV or JSON file</source>
        <translation>CSV、TSV、JSON ファイルから例を作成します</translation>
    </message>
    <message>
        <source>Recently opened</source>
        <translation>最近開いたファイル</translation>
    </message>
    <message>
        <source>Samples to explore</source>
        <translation>お試し用のサンプル</translation>
    </message>
    <message>
        <source>You can also drop a file here.</source>
        <translation>ここにファイルをドロップすることもできます。</translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>まだありません</translation>
    </message>
</context>
</TS>
