# Builds the `tradelog` executable and a slim image that runs it. docker-compose.yml runs every
# service of the production shape from this one image, with different subcommands.
FROM swift:6.3.1-bookworm AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends pkg-config librdkafka-dev libpq-dev liblz4-dev libsqlite3-dev \
    libcurl4-openssl-dev \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /source
# The manifest names every target, tests included, so the whole source tree goes in.
COPY . .
RUN swift build -c release --product tradelog --static-swift-stdlib \
  && install -D "$(swift build -c release --show-bin-path)/tradelog" /out/tradelog

FROM debian:bookworm-slim
# Only the shared C libraries the executable links (libcurl for the ClickHouse client);
# Swift's runtime is linked in statically.
RUN apt-get update \
  && apt-get install -y --no-install-recommends librdkafka1 libpq5 liblz4-1 libsqlite3-0 libcurl4 ca-certificates \
  && rm -rf /var/lib/apt/lists/* \
  && useradd --system --create-home --home-dir /var/lib/tradelog tradelog \
  && install -d -o tradelog -g tradelog /var/lib/tradelog/snapshots
COPY --from=build /out/tradelog /usr/local/bin/tradelog
# A named volume mounted here starts with this directory's owner, so the service can write to it.
USER tradelog
WORKDIR /var/lib/tradelog
ENTRYPOINT ["tradelog"]
CMD ["--help"]
