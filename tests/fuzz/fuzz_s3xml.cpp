// SPDX-License-Identifier: GPL-3.0-or-later
// fuzz_s3xml: what an S3-compatible storage answers — a ListObjectsV2 page and an error body —
// read by the storage client, and the sentences made of it.

#include "fuzzsupport.h"
#include "s3client.h"

using namespace fs;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzz::bytesOf(data, size);

    QString problem;
    const S3Listing listing = parseListObjectsV2(bytes, &problem);
    FS_FUZZ_CHECK(listing.pages == 1);
    parseListObjectsV2(bytes); // without asking for the problem

    for (const int status : {400, 403, 404, 416, 500, 503}) {
        const S3Error error = S3Error::fromResponse(status, bytes);
        FS_FUZZ_CHECK(error.isError());
        FS_FUZZ_CHECK(error.httpStatus == status);
        FS_FUZZ_CHECK(!error.plainMessage().isEmpty());
        FS_FUZZ_CHECK(!error.technicalSummary().isEmpty());
    }
    return 0;
}
