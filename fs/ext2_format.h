/* On-disk format of ext2 (revision 0 and 1): the superblock, the block
 * group descriptor, the inode and the directory entry, with a named
 * constant for every field value and feature bit the kernel looks at.
 * All fields are little-endian, as is x86-64, so the structs are read and
 * written in place. Only the fields this kernel uses are commented. */
#pragma once
#include <stdint.h>

#define EXT2_SUPER_MAGIC       0xEF53
#define EXT2_SUPERBLOCK_OFFSET 1024 /* bytes from the start of the device */
#define EXT2_SUPERBLOCK_SIZE   1024
#define EXT2_MIN_BLOCK_LOG     10 /* block size = 1024 << s_log_block_size */

/* s_state */
#define EXT2_VALID_FS 0x0001 /* cleanly unmounted */
#define EXT2_ERROR_FS 0x0002 /* errors detected */

/* s_rev_level */
#define EXT2_GOOD_OLD_REV        0
#define EXT2_DYNAMIC_REV         1
#define EXT2_GOOD_OLD_INODE_SIZE 128
#define EXT2_GOOD_OLD_FIRST_INO  11

/* s_feature_compat (safe to ignore when unknown) */
#define EXT2_FEATURE_COMPAT_DIR_PREALLOC  0x0001
#define EXT2_FEATURE_COMPAT_IMAGIC_INODES 0x0002
#define EXT3_FEATURE_COMPAT_HAS_JOURNAL   0x0004
#define EXT2_FEATURE_COMPAT_EXT_ATTR      0x0008
#define EXT2_FEATURE_COMPAT_RESIZE_INODE  0x0010
#define EXT2_FEATURE_COMPAT_DIR_INDEX     0x0020
#define EXT2_FEATURE_COMPAT_LAZY_BG       0x0040
#define EXT2_FEATURE_COMPAT_SPARSE_SUPER2 0x0200 /* backups only in s_backup_bgs[] */

/* s_feature_ro_compat (unknown ones: mounting read-write is unsafe) */
#define EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER  0x0001
#define EXT2_FEATURE_RO_COMPAT_LARGE_FILE    0x0002
#define EXT2_FEATURE_RO_COMPAT_BTREE_DIR     0x0004
#define EXT4_FEATURE_RO_COMPAT_HUGE_FILE     0x0008
#define EXT4_FEATURE_RO_COMPAT_GDT_CSUM      0x0010
#define EXT4_FEATURE_RO_COMPAT_DIR_NLINK     0x0020
#define EXT4_FEATURE_RO_COMPAT_EXTRA_ISIZE   0x0040
#define EXT4_FEATURE_RO_COMPAT_QUOTA         0x0100
#define EXT4_FEATURE_RO_COMPAT_BIGALLOC      0x0200
#define EXT4_FEATURE_RO_COMPAT_METADATA_CSUM 0x0400
#define EXT4_FEATURE_RO_COMPAT_READONLY      0x1000
#define EXT4_FEATURE_RO_COMPAT_PROJECT       0x2000
#define EXT4_FEATURE_RO_COMPAT_VERITY        0x8000

/* s_feature_incompat (unknown ones: mounting at all is unsafe) */
#define EXT2_FEATURE_INCOMPAT_COMPRESSION 0x0001
#define EXT2_FEATURE_INCOMPAT_FILETYPE    0x0002
#define EXT3_FEATURE_INCOMPAT_RECOVER     0x0004
#define EXT3_FEATURE_INCOMPAT_JOURNAL_DEV 0x0008
#define EXT2_FEATURE_INCOMPAT_META_BG     0x0010 /* descriptor blocks spread over meta groups */
#define EXT4_FEATURE_INCOMPAT_EXTENTS     0x0040
#define EXT4_FEATURE_INCOMPAT_64BIT       0x0080
#define EXT4_FEATURE_INCOMPAT_MMP         0x0100
#define EXT4_FEATURE_INCOMPAT_FLEX_BG     0x0200 /* group metadata anywhere */
#define EXT4_FEATURE_INCOMPAT_EA_INODE    0x0400
#define EXT4_FEATURE_INCOMPAT_CSUM_SEED   0x2000
#define EXT4_FEATURE_INCOMPAT_LARGEDIR    0x4000
#define EXT4_FEATURE_INCOMPAT_INLINE_DATA 0x8000
#define EXT4_FEATURE_INCOMPAT_ENCRYPT     0x10000
#define EXT4_FEATURE_INCOMPAT_CASEFOLD    0x20000

/* Reserved inode numbers */
#define EXT2_BAD_INO  1
#define EXT2_ROOT_INO 2

/* i_mode: file type (high 4 bits of the 16) and permission bits */
#define EXT2_S_IFMT            0xF000
#define EXT2_S_IFREG           0x8000
#define EXT2_S_IFDIR           0x4000
#define EXT2_MODE_FILE_DEFAULT (EXT2_S_IFREG | 0644)
#define EXT2_MODE_DIR_DEFAULT  (EXT2_S_IFDIR | 0755)

/* i_links_count: the most links (a directory's subdirectories + 2) */
#define EXT2_LINK_MAX 32000

/* i_flags */
#define EXT2_INDEX_FL 0x00001000 /* hashed-indexed directory (dir_index) */

/* i_block[]: 12 direct pointers, then single, double, triple indirect */
#define EXT2_NDIR_BLOCKS 12
#define EXT2_IND_BLOCK   12
#define EXT2_DIND_BLOCK  13
#define EXT2_TIND_BLOCK  14
#define EXT2_N_BLOCKS    15

/* Directory entry file_type (with the filetype feature) */
#define EXT2_FT_UNKNOWN  0
#define EXT2_FT_REG_FILE 1
#define EXT2_FT_DIR      2

#define EXT2_NAME_LEN         255
#define EXT2_DIR_ENTRY_HEADER 8 /* inode, rec_len, name_len, file_type */
#define EXT2_DIR_ROUND        4 /* rec_len is a multiple of this */

/* i_blocks counts 512-byte units */
#define EXT2_IBLOCK_UNIT 512

/* Byte offset of s_backup_bgs in the superblock (ext4 layout). */
#define EXT2_SB_BACKUP_BGS_OFFSET 0x24C

struct ext2_super_block {
    uint32_t s_inodes_count; /* total inodes */
    uint32_t s_blocks_count; /* total blocks */
    uint32_t s_r_blocks_count;
    uint32_t s_free_blocks_count; /* kept exact by the allocator */
    uint32_t s_free_inodes_count; /* kept exact by the allocator */
    uint32_t s_first_data_block;  /* 1 with 1 KiB blocks, else 0 */
    uint32_t s_log_block_size;    /* block size = 1024 << this */
    uint32_t s_log_frag_size;
    uint32_t s_blocks_per_group;
    uint32_t s_frags_per_group;
    uint32_t s_inodes_per_group;
    uint32_t s_mtime; /* last mount time */
    uint32_t s_wtime; /* last write time */
    uint16_t s_mnt_count;
    int16_t s_max_mnt_count;
    uint16_t s_magic; /* EXT2_SUPER_MAGIC */
    uint16_t s_state; /* EXT2_VALID_FS when cleanly unmounted */
    uint16_t s_errors;
    uint16_t s_minor_rev_level;
    uint32_t s_lastcheck;
    uint32_t s_checkinterval;
    uint32_t s_creator_os;
    uint32_t s_rev_level; /* EXT2_GOOD_OLD_REV or EXT2_DYNAMIC_REV */
    uint16_t s_def_resuid;
    uint16_t s_def_resgid;
    /* EXT2_DYNAMIC_REV only */
    uint32_t s_first_ino;  /* first non-reserved inode */
    uint16_t s_inode_size; /* 128 or 256 */
    uint16_t s_block_group_nr;
    uint32_t s_feature_compat;
    uint32_t s_feature_incompat;
    uint32_t s_feature_ro_compat;
    uint8_t s_uuid[16];
    char s_volume_name[16];
    char s_last_mounted[64];
    uint32_t s_algorithm_usage_bitmap;
    uint8_t s_prealloc_blocks;
    uint8_t s_prealloc_dir_blocks;
    uint16_t s_reserved_gdt_blocks;
    uint8_t s_journal_uuid[16];
    uint32_t s_journal_inum;
    uint32_t s_journal_dev;
    uint32_t s_last_orphan;
    uint32_t s_hash_seed[4];
    uint8_t s_def_hash_version;
    uint8_t s_jnl_backup_type;
    uint16_t s_desc_size;
    uint32_t s_default_mount_opts;
    uint32_t s_first_meta_bg;
    uint32_t s_mkfs_time;
    uint32_t s_jnl_blocks[17];
    uint32_t s_blocks_count_hi;
    uint32_t s_r_blocks_count_hi;
    uint32_t s_free_blocks_hi;
    uint16_t s_min_extra_isize;
    uint16_t s_want_extra_isize;                            /* i_extra_isize for new large inodes */
    uint8_t s_ext4_fields[EXT2_SB_BACKUP_BGS_OFFSET - 352]; /* unused here */
    uint32_t s_backup_bgs[2]; /* sparse_super2: the groups with a backup (0: none) */
    uint8_t s_rest[EXT2_SUPERBLOCK_SIZE - EXT2_SB_BACKUP_BGS_OFFSET - 8];
};
_Static_assert(sizeof(struct ext2_super_block) == EXT2_SUPERBLOCK_SIZE, "superblock size");
_Static_assert(__builtin_offsetof(struct ext2_super_block, s_backup_bgs) ==
                   EXT2_SB_BACKUP_BGS_OFFSET,
               "s_backup_bgs offset");

struct ext2_group_desc {
    uint32_t bg_block_bitmap;      /* block number of the block bitmap */
    uint32_t bg_inode_bitmap;      /* block number of the inode bitmap */
    uint32_t bg_inode_table;       /* first block of the inode table */
    uint16_t bg_free_blocks_count; /* kept exact */
    uint16_t bg_free_inodes_count; /* kept exact */
    uint16_t bg_used_dirs_count;   /* directories in the group */
    uint16_t bg_pad;
    uint32_t bg_reserved[3];
};
#define EXT2_GROUP_DESC_SIZE 32
_Static_assert(sizeof(struct ext2_group_desc) == EXT2_GROUP_DESC_SIZE, "group desc size");

/* The first 128 bytes of every inode (rev 1 inodes may be larger; the
 * rest, starting with i_extra_isize, is preserved as is). */
struct ext2_inode {
    uint16_t i_mode; /* EXT2_S_IF* | permissions */
    uint16_t i_uid;
    uint32_t i_size; /* size in bytes, low 32 bits */
    uint32_t i_atime;
    uint32_t i_ctime;
    uint32_t i_mtime;
    uint32_t i_dtime; /* deletion time; 0 while in use */
    uint16_t i_gid;
    uint16_t i_links_count; /* directory entries naming it */
    uint32_t i_blocks;      /* 512-byte units, data + indirect blocks */
    uint32_t i_flags;
    uint32_t i_osd1;
    uint32_t i_block[EXT2_N_BLOCKS]; /* block map; 0 = hole */
    uint32_t i_generation;
    uint32_t i_file_acl;
    uint32_t i_size_high; /* regular files: high 32 bits of the size */
    uint32_t i_faddr;
    uint8_t i_osd2[12];
};
_Static_assert(sizeof(struct ext2_inode) == EXT2_GOOD_OLD_INODE_SIZE, "inode size");

/* Offset of i_extra_isize in a large (rev 1) inode. */
#define EXT2_INODE_EXTRA_ISIZE_OFFSET 128

/* Extended-attribute block (i_file_acl, ext_attr feature): a header, then
 * the entries. One block may be shared by several inodes with identical
 * attributes; h_refcount counts them. */
#define EXT2_XATTR_MAGIC 0xEA020000

struct ext2_xattr_header {
    uint32_t h_magic;    /* EXT2_XATTR_MAGIC */
    uint32_t h_refcount; /* inodes whose i_file_acl is this block */
    uint32_t h_blocks;   /* always 1 */
    uint32_t h_hash;
    uint32_t h_reserved[4];
};

struct ext2_dir_entry {
    uint32_t inode;   /* 0 = unused entry */
    uint16_t rec_len; /* bytes to the next entry */
    uint8_t name_len;
    uint8_t file_type; /* EXT2_FT_*, only with the filetype feature */
    char name[];       /* not NUL-terminated */
};
