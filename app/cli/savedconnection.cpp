// SPDX-License-Identifier: GPL-3.0-or-later
// --connection NAME: a connection saved by the app, with its key from the OS keychain.
#include "azuretokenstore.h"
#include "clicontext.h"
#include "connectionstore.h"
#include "secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>

namespace fs::cli {

bool loadSavedConnection(const QString &name, Connection *connection, QString *problem)
{
    ConnectionStore store;
    const QList<Connection> connections = store.connections();
    auto found =
            std::find_if(connections.cbegin(), connections.cend(), [&name](const Connection &c) {
                return c.name.compare(name, Qt::CaseInsensitive) == 0 || c.id == name;
            });
    if (found == connections.cend()) {
        QStringList names;
        for (const Connection &c : connections)
            names << c.name;
        *problem = QCoreApplication::translate("fs::cli",
                "there is no saved connection named '%1'. "
                "Saved connections: %2.")
                           .arg(name, names.join(QStringLiteral(", ")));
        return false;
    }
    if (found->kind == Connection::Kind::Sandbox) {
        *problem = QCoreApplication::translate("fs::cli",
                "the built-in sandbox lives inside the app. From the command line, run "
                "'finetune-studio sandbox' and pass the address it prints as --base-url.");
        return false;
    }
    *connection = *found;
    if (!store.hasKey(found->id))
        return true;

    KeychainSecretStore secrets;
    QEventLoop loop;
    SecretResult result;
    secrets.readKey(found->id, &loop, [&loop, &result](const SecretResult &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    if (!result.ok()) {
        *problem = QCoreApplication::translate("fs::cli",
                "the key of '%1' could not be read from "
                "the keychain: %2")
                           .arg(found->name, result.message);
        return false;
    }
    connection->apiKey = result.secret;
    return true;
}

bool providerFromOption(const QString &value, Connection::Kind *kind)
{
    const QString word = value.trimmed().toLower();
    if (word == QLatin1String("openai")) {
        *kind = Connection::Kind::OpenAI;
        return true;
    }
    if (word == QLatin1String("together")) {
        *kind = Connection::Kind::Together;
        return true;
    }
    if (word == QLatin1String("azure")) {
        *kind = Connection::Kind::Azure;
        return true;
    }
    if (word == QLatin1String("fireworks")) {
        *kind = Connection::Kind::Fireworks;
        return true;
    }
    return false;
}

QString readAzureSignIn(const Connection &connection, QString *problem)
{
    // The app's sign-in, renewed when it is about to expire (and written back).
    KeychainSecretStore secrets;
    QNetworkAccessManager nam;
    AzureTokenStore tokens(&secrets, &nam);
    QEventLoop loop;
    AzureTokenStore::Result result;
    tokens.freshToken(connection, &loop, [&loop, &result](const AzureTokenStore::Result &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    if (!result.ok())
        *problem = result.problem;
    return result.token.accessToken;
}

QString savedConnectionProviderProblem(const Connection &saved, Connection::Kind asked)
{
    Connection wanted;
    wanted.kind = asked;
    if (saved.providerKind() == wanted.providerKind())
        return {};
    return QCoreApplication::translate("fs::cli",
            "the saved connection '%1' is a %2 connection, not %3. Leave out --provider to use "
            "it as it is.")
            .arg(saved.name, Connection::kindDisplayName(saved.kind),
                    Connection::kindDisplayName(asked));
}

} // namespace fs::cli
