# Qingfeng production image. tests/test_packaging.py repeats these steps (locked deps layer, wheel, serve).
FROM python:3.11-slim AS build
WORKDIR /src
COPY . .
RUN pip install --no-cache-dir hatchling build && python -m build --wheel --no-isolation --outdir /dist

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 QF_ENV=prod \
    QF_DATABASE_URL=sqlite:////data/qingfeng.db QF_MEDIA_DIR=/data/media
# A TrueType CJK font, embedded in the posters' and the scoreboard's PDFs (config/fonts.py), so readers and
# print shops without Adobe's Asian font pack still show the Chinese text.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 10001 qingfeng && mkdir -p /data && chown qingfeng /data
# Dependencies first, in their own layer: code changes do not reinstall them. Exact versions, each file checked
# against its hash (`make lock` writes requirements.lock), so every build installs the same bytes.
COPY requirements.lock /tmp/requirements.lock
RUN pip install --no-cache-dir --require-hashes -r /tmp/requirements.lock
COPY --from=build /dist/*.whl /tmp/
RUN pip install --no-cache-dir --no-deps /tmp/*.whl && rm /tmp/*.whl
USER qingfeng
WORKDIR /data
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"
# `serve` applies migrations first (under an advisory lock on PostgreSQL).
CMD ["qingfeng", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
