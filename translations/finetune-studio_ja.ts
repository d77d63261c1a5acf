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
        <source>The address is not valid. It should look like https://api.example.com/v1.</source>
        <translation>アドレスが正しくありません。https://api.example.com/v1 のような形式で入力してください。</translation>
    </message>
    <message>
        <source>The built-in sandbox is not running, so there is nothing to connect to.</source>
        <translation>内蔵のサンドボックスが動作していないため、接続先がありません。</translation>
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
        <source>The API&apos;s base URL, e.g. http://127.0.0.1:8080/v1 (default: OPENAI_BASE_URL, else https://api.openai.com/v1).</source>
        <translation>APIのベースURL。例: http://127.0.0.1:8080/v1 (既定: OPENAI_BASE_URL、なければ https://api.openai.com/v1)。</translation>
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
        <source>error: cannot read %1: %2</source>
        <translation>エラー: %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>Uploading: %1 of %2 (%3%), %4/s</source>
        <translation>アップロード中: %1 / %2 (%3%)、%4/秒</translation>
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
        <source>list | upload FILE | delete ID</source>
        <translation>list | upload FILE | delete ID</translation>
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
        <source>usage: finetune-studio jobs create --model MODEL --training-file FILE_ID [--validation-file FILE_ID] [--suffix TEXT] [--n-epochs N]</source>
        <translation>使い方: finetune-studio jobs create --model MODEL --training-file FILE_ID [--validation-file FILE_ID] [--suffix TEXT] [--n-epochs N]</translation>
    </message>
    <message>
        <source>error: the suffix may have at most 64 characters.</source>
        <translation>エラー: サフィックスは64文字以内にしてください。</translation>
    </message>
    <message>
        <source>error: --n-epochs takes a whole number from 1 to 50.</source>
        <translation>エラー: --n-epochs には 1〜50 の整数を指定してください。</translation>
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
        <source>Up to 64 characters added to the model&apos;s name.</source>
        <translation>モデル名に付け加える64文字以内の文字列。</translation>
    </message>
    <message>
        <source>Passes over the training data (1-50; default: chosen by the service).</source>
        <translation>学習データを繰り返す回数 (1〜50、既定: サービスが決定)。</translation>
    </message>
    <message>
        <source>Seconds between checks while watching.</source>
        <translation>監視中に確認する間隔 (秒)。</translation>
    </message>
    <message>
        <source>list | create --model M --training-file ID | watch ID | cancel ID</source>
        <translation>list | create --model M --training-file ID | watch ID | cancel ID</translation>
    </message>
    <message>
        <source>Lists, creates, watches or cancels fine-tuning jobs.</source>
        <translation>ファインチューニングジョブを一覧表示・作成・監視・キャンセルします。</translation>
    </message>
    <message>
        <source>usage: finetune-studio jobs list | create --model M --training-file ID | watch ID | cancel ID</source>
        <translation>使い方: finetune-studio jobs list | create --model M --training-file ID | watch ID | cancel ID</translation>
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
        <source>No connection has been set up yet, so you are using the built-in sandbox. It runs on this computer, costs nothing and only pretends to train, so you can try everything safely. To fine-tune real models, add your OpenAI account with “Manage Connections…”.</source>
        <translation>まだ接続が設定されていないため、内蔵のサンドボックスを使っています。サンドボックスはこのコンピューター上で動作し、費用はかからず、学習も模擬的に行うだけなので、安心してすべての機能を試せます。本物のモデルをファインチューニングするには、「接続の管理…」でOpenAIのアカウントを追加してください。</translation>
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
</context>
<context>
    <name>fs::ui::ConnectionStatusWidget</name>
    <message>
        <source>%1: %2</source>
        <extracomment>Status bar: connection name, then its state, e.g. &quot;Sandbox: Connected&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Click to manage connections.</source>
        <translation>クリックすると接続を管理できます。</translation>
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
        <source>Add a connection to OpenAI, Azure OpenAI or another server.</source>
        <translation>OpenAI、Azure OpenAI、またはその他のサーバーへの接続を追加します。</translation>
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
        <source>Chosen automatically each time the app starts.</source>
        <translation>アプリを起動するたびに自動で決まります。</translation>
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
</context>
</TS>
