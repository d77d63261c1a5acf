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
        <source>1 error</source>
        <translation>エラー 1件</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>エラー %1件</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>警告 1件</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>警告 %1件</translation>
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
    <name>fs::PriceTable</name>
    <message>
        <source>OpenAI&apos;s prices as published in mid-2026 (after 7 May 2026). Check the current prices before you spend money.</source>
        <translation>2026年半ば (2026年5月7日以降) に公開された OpenAI の価格です。費用がかかる前に最新の価格を確認してください。</translation>
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
        <source>%1: 1 example</source>
        <translation>%1: 例 1件</translation>
    </message>
    <message>
        <source>%1: %2 examples</source>
        <translation>%1: 例 %2件</translation>
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
        <source>1 example longer than %1 tokens will be cut at the end.</source>
        <translation>%1トークンを超える例が1件あり、末尾が切り捨てられます。</translation>
    </message>
    <message>
        <source>%1 examples longer than %2 tokens will be cut at the end.</source>
        <translation>%2トークンを超える例が%1件あり、末尾が切り捨てられます。</translation>
    </message>
    <message>
        <source>Estimate for %1: 1 epoch, %2 billed tokens</source>
        <translation>%1 の見積もり: 1エポック、課金対象 %2トークン</translation>
    </message>
    <message>
        <source>Estimate for %1: %2 epochs, %3 billed tokens</source>
        <translation>%1 の見積もり: %2エポック、課金対象 %3トークン</translation>
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
        <source>1 error</source>
        <translation>エラー 1件</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>エラー %1件</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>警告 1件</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>警告 %1件</translation>
    </message>
    <message>
        <source>, about %1</source>
        <translation>、約 %1</translation>
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
        <source>Add an example after the current one (Ctrl+Shift+N)</source>
        <translation>現在の例の後に例を追加します (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copy the current example (Ctrl+D)</source>
        <translation>現在の例を複製します (Ctrl+D)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Delete the selected examples (Ctrl+Delete)</source>
        <translation>選択した例を削除します (Ctrl+Delete)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move the example up (Ctrl+Alt+Up)</source>
        <translation>例を上に移動します (Ctrl+Alt+Up)</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Move the example down (Ctrl+Alt+Down)</source>
        <translation>例を下に移動します (Ctrl+Alt+Down)</translation>
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
        <source>an untitled dataset</source>
        <translation>無題のデータセット</translation>
    </message>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>未保存の作業の復元</translation>
    </message>
    <message>
        <source>Finetune Studio closed before your changes to %1 were saved. Do you want to get them back?</source>
        <translation>%1 への変更が保存される前に Finetune Studio が終了しました。変更を復元しますか?</translation>
    </message>
    <message>
        <source>Examples: %1, kept at %2.</source>
        <translation>例の数: %1、保存日時: %2。</translation>
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
        <source>tokens (from)</source>
        <translation>トークン数 (以上)</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>例の数</translation>
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
